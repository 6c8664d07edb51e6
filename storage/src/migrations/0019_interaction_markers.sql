-- The sycophancy check's text markers of every interaction, computed once at insert instead of at
-- every read of the rows not yet sealed, where reading the prompts and responses was most of the
-- check's cost (docs/analytics.md, "Read model"): `praise`, a praise marker anywhere in the response;
-- `pushback`, the prompt opens by pushing back; `reversal`, a reversal marker in the response's first
-- characters. Case is ignored by lower-casing the text and searching for lower-cased markers. The
-- lexicon is rendered from storage/src/lexicon.ts, where it is defined. MATERIALIZED: writers send
-- nothing new, `SELECT *` leaves them out, and rows written before this migration get them from the
-- MATERIALIZE COLUMN mutation below (until it has run, reads compute them from the text: the same
-- values).
ALTER TABLE ${db}.interactions${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS praise Bool MATERIALIZED
        multiSearchAny(lowerUTF8(response), ${praise_markers}),
    ADD COLUMN IF NOT EXISTS pushback Bool MATERIALIZED
        match(lowerUTF8(trimLeft(prompt)), ${pushback_pattern}),
    ADD COLUMN IF NOT EXISTS reversal Bool MATERIALIZED
        multiSearchAny(lowerUTF8(substringUTF8(response, 1, ${reversal_chars})), ${reversal_markers});

ALTER TABLE ${db}.interactions${local} ${on_cluster}
    MATERIALIZE COLUMN praise, MATERIALIZE COLUMN pushback, MATERIALIZE COLUMN reversal;

-- if cluster
ALTER TABLE ${db}.interactions ${on_cluster}
    ADD COLUMN IF NOT EXISTS praise Bool MATERIALIZED
        multiSearchAny(lowerUTF8(response), ${praise_markers}),
    ADD COLUMN IF NOT EXISTS pushback Bool MATERIALIZED
        match(lowerUTF8(trimLeft(prompt)), ${pushback_pattern}),
    ADD COLUMN IF NOT EXISTS reversal Bool MATERIALIZED
        multiSearchAny(lowerUTF8(substringUTF8(response, 1, ${reversal_chars})), ${reversal_markers});
