import type { ReactNode } from 'react';

/** An alert line, shown only when there is something to say. */
export function Problem({ text }: { text: ReactNode }) {
  if (!text) return null;
  return (
    <p className="m-alert" role="alert">
      {text}
    </p>
  );
}
