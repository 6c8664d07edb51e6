import { GLOSSARY, GLOSSARY_WORDS, type GlossaryTerm } from '../lib/glossary';

/** Every word the dashboard uses that needs explaining, folded away until asked for. */
export function GlossaryList() {
  return (
    <details className="glossary" data-testid="glossary">
      <summary>What the words mean: phase, gate, candidate, PSI, kappa, capitulation</summary>
      <dl>
        {(Object.keys(GLOSSARY) as GlossaryTerm[]).map((term) => (
          <div key={term}>
            <dt>{GLOSSARY_WORDS[term]}</dt>
            <dd>{GLOSSARY[term]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
