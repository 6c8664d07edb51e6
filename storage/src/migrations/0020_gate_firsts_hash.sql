-- The 64-bit hash of each first's duplicate key, stored: a read of the gate's open tail looks up the
-- firsts of the keys it computes by hash, and hashed every stored key to do it, so the lookup read and
-- hashed the whole table (about a million strings at 10M interactions) on every read
-- (docs/analytics.md, "Read model"). MATERIALIZED: the gate seal writes nothing new, and firsts written
-- before this migration get it from the MATERIALIZE COLUMN mutation below (until it has run, reads
-- compute it from the key: the same value).
ALTER TABLE ${db}.gate_firsts${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS dup_hash UInt64 MATERIALIZED cityHash64(dup_key);

ALTER TABLE ${db}.gate_firsts${local} ${on_cluster}
    MATERIALIZE COLUMN dup_hash;

-- if cluster
ALTER TABLE ${db}.gate_firsts ${on_cluster}
    ADD COLUMN IF NOT EXISTS dup_hash UInt64 MATERIALIZED cityHash64(dup_key);
