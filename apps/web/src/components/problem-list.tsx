/**
 * The server's problems with fields a form does not show (`applyServerFieldErrors` returns them),
 * listed inside the form's error alert; nothing when there are none.
 */
export function ProblemList({ lines }: { lines: readonly string[] }) {
  if (!lines.length) return null;
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
