import { useId, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryTerm } from '../lib/glossary';

/**
 * A word with its definition on hover or keyboard focus; screen readers read the definition as the
 * word's description.
 */
export function Term({ term, children }: { term: GlossaryTerm; children: ReactNode }) {
  const id = useId();
  return (
    <span className="term">
      <span className="term-word" tabIndex={0} aria-describedby={id}>
        {children}
      </span>
      <span role="tooltip" id={id} className="term-tip">
        {GLOSSARY[term]}
      </span>
    </span>
  );
}
