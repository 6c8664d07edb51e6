-- The input key of an interaction, computed once at insert instead of at every read: the engine's
-- word-shingle MinHash of its prompt, case-insensitive, so the same question asked with other case,
-- spacing or punctuation meets itself; prompts under three words (no shingle) fall back to their
-- lower-cased text; 0 for no prompt. The review queue's version_changed reason groups a window's
-- interactions by (workload, key) to find inputs two model versions answered (docs/analytics.md,
-- "Curation and export"). MATERIALIZED: writers send nothing new, `SELECT *` leaves it out, and rows
-- written before this migration get it from the MATERIALIZE COLUMN mutation below (until it has run,
-- reads compute it from the prompt: the same value).
ALTER TABLE ${db}.interactions${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_key UInt64 MATERIALIZED multiIf(
        prompt = '', toUInt64(0),
        wordShingleMinHashCaseInsensitiveUTF8(prompt) = (0, 0), cityHash64(lowerUTF8(trimBoth(prompt))),
        cityHash64(wordShingleMinHashCaseInsensitiveUTF8(prompt)));

ALTER TABLE ${db}.interactions${local} ${on_cluster} MATERIALIZE COLUMN prompt_key;

-- if cluster
ALTER TABLE ${db}.interactions ${on_cluster}
    ADD COLUMN IF NOT EXISTS prompt_key UInt64 MATERIALIZED multiIf(
        prompt = '', toUInt64(0),
        wordShingleMinHashCaseInsensitiveUTF8(prompt) = (0, 0), cityHash64(lowerUTF8(trimBoth(prompt))),
        cityHash64(wordShingleMinHashCaseInsensitiveUTF8(prompt)));
