-- A snapshot's members never change once written, so their counts by source and their median event
-- time are written with its `datasets` row: the cycles' training volumes read them there instead of
-- every member of each cycle's latest snapshot, a read that grew with the training set
-- (docs/analytics.md, "Read model"). `members_counted` tells the rows written with them from those
-- written before this migration, whose counts reads still take from the members.
ALTER TABLE ${db}.datasets${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS members_counted Bool DEFAULT false,
    ADD COLUMN IF NOT EXISTS member_count UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_gold UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_gate_passed UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_corrections UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_median_time Nullable(DateTime64(6, 'UTC'));

-- if cluster
ALTER TABLE ${db}.datasets ${on_cluster}
    ADD COLUMN IF NOT EXISTS members_counted Bool DEFAULT false,
    ADD COLUMN IF NOT EXISTS member_count UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_gold UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_gate_passed UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_corrections UInt64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS member_median_time Nullable(DateTime64(6, 'UTC'));
