import type { ReactNode } from 'react';
import { Problem } from './problem';

/** A labelled text area, as the phone forms write one. */
export function TextAreaField({
  label,
  value,
  onChange,
  rows = 3,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <label className="m-field">
      <span>{label}</span>
      <textarea
        className="m-textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

/** A form's send button (its label while sending) and, with `onCancel`, a cancel button beside it. */
export function FormButtons({
  label,
  pending,
  pendingLabel,
  onCancel,
  cancelLabel,
  testId,
}: {
  label: string;
  pending: boolean;
  pendingLabel: string;
  onCancel: () => void;
  cancelLabel: string;
  testId?: string;
}) {
  return (
    <div className="m-buttons">
      <button type="submit" className="m-button m-button-primary" disabled={pending} data-testid={testId}>
        {pending ? pendingLabel : label}
      </button>
      <button type="button" className="m-button m-button-danger" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}

/** A question asked in place before an action runs: yes, or back out. */
export function ConfirmBox({
  className,
  question,
  problem,
  yesLabel,
  onYes,
  pending,
  noLabel,
  onNo,
  testId,
}: {
  className?: string;
  question: ReactNode;
  problem?: string | null;
  yesLabel: string;
  onYes: () => void;
  pending: boolean;
  noLabel: string;
  onNo: () => void;
  testId?: string;
}) {
  return (
    <div className={className}>
      <p>{question}</p>
      <Problem text={problem} />
      <div className="m-buttons">
        <button
          type="button"
          className="m-button m-button-primary"
          disabled={pending}
          onClick={onYes}
          data-testid={testId}
        >
          {yesLabel}
        </button>
        <button type="button" className="m-button m-button-danger" onClick={onNo}>
          {noLabel}
        </button>
      </div>
    </div>
  );
}
