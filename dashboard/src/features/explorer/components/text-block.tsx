/**
 * Stored prompts and responses are untrusted. They are only ever a React text child: markup, event
 * handlers and Markdown image links are shown as the characters they are and never loaded or run.
 */
export function TextBlock({ text, label }: { text: string; label: string }) {
  return (
    <figure className="textblock">
      <figcaption>{label}</figcaption>
      {text ? (
        <pre className="textblock-body" data-testid={`text-${label.toLowerCase()}`}>
          {text}
        </pre>
      ) : (
        <p className="muted">(empty, or content capture was off)</p>
      )}
    </figure>
  );
}
