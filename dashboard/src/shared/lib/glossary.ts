/** The words of the dashboard a product manager may not know, in one place (docs/dashboard.md). */
export const GLOSSARY = {
  phase:
    'Where a workload’s flywheel stands, from its success rate over 28 days: cold start (under 70%, or fewer than 200 outcomes), bootstrap (70–80%), acceleration (80–90%), maturity (90% and up).',
  gate: 'The quality gate: the rules that decide which interactions become training candidates. Healthy when 20–30% of evaluated interactions pass.',
  candidate:
    'An interaction whose outcome is known from user signals (success or failure), so it can be judged by the gate and used for training.',
  psi: 'Population stability index: how far a mix (signal kinds, languages, prompt lengths…) moved between two windows. Below 0.1 stable, 0.1–0.2 a warning, 0.2 and up an alarm.',
  kappa:
    'Cohen’s kappa: how often the automated judge agrees with human reviewers beyond chance. 1 is perfect, 0 is chance; below 0.4 the judge cannot be trusted.',
  capitulation:
    'Capitulation: when a user pushes back (“No, that’s wrong”), the share of responses that give in (“You’re right, I apologize”) whether or not the model was right.',
  coverage:
    'Signal coverage: the share of interactions with a known outcome (a user signal that says success or failure).',
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

export const GLOSSARY_WORDS: Record<GlossaryTerm, string> = {
  phase: 'Phase',
  gate: 'Gate',
  candidate: 'Candidate',
  psi: 'PSI',
  kappa: 'Kappa',
  capitulation: 'Capitulation',
  coverage: 'Signal coverage',
};
