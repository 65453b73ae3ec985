// What a panel says when there is nothing to show yet: a sentence, never fake data.
export function EmptyState({ message, testId }: { message: string; testId?: string }) {
  return (
    <p className="px-5 py-8 text-center text-sm text-slate-500" data-testid={testId}>
      {message}
    </p>
  );
}
