export { runContentChecks, runContentChecksSync, runContentChecksAsync } from './run';
export { DEFAULT_CHECKS_CONFIG } from './config';
export { lexiconToxicity } from './toxicity';
export { detectLanguage } from './language';
export { matchJailbreak } from './jailbreak';
export { topicRelevance } from './topic';
export { countWords, estimateTokens } from './length';
export { nearDuplicateKey, minhashSignature, estimateJaccard, KEY_ROWS } from './near-duplicate';
export type { ChecksConfig, CheckName, ContentChecks, ContentCheckInput, InputFailure } from './types';
