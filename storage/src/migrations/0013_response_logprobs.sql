-- Token log-probabilities of the response (flywheel.response.mean_logprob / min_logprob): the review
-- queue reads a low mean as an uncertain output (docs/analytics.md, "Curation and export"). NULL is
-- unknown: spans without logprobs, and every row written before this migration. Only the queue reads
-- them, straight from `interactions`, so the narrow `interaction_facts` of 0007 does not carry them.
ALTER TABLE ${db}.interactions${local} ${on_cluster}
    ADD COLUMN IF NOT EXISTS response_mean_logprob Nullable(Float32),
    ADD COLUMN IF NOT EXISTS response_min_logprob Nullable(Float32);

-- if cluster
ALTER TABLE ${db}.interactions ${on_cluster}
    ADD COLUMN IF NOT EXISTS response_mean_logprob Nullable(Float32),
    ADD COLUMN IF NOT EXISTS response_min_logprob Nullable(Float32);
