// The small "Mark as read" form beside an unread notification or alert: posts intent=read with
// the record's id under the field name its route reads.
import { Form } from "react-router";

type MarkReadFormProps = {
  /** The form field the route's action reads the id from ("id", "alertId"). */
  idField: string;
  id: string;
  label: string;
  /** What a screen reader hears: the label with the record's title. */
  ariaLabel: string;
};

export function MarkReadForm({ idField, id, label, ariaLabel }: MarkReadFormProps) {
  return (
    <Form method="post" className="shrink-0">
      <input type="hidden" name={idField} value={id} />
      <button
        type="submit"
        name="intent"
        value="read"
        aria-label={ariaLabel}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        {label}
      </button>
    </Form>
  );
}
