// Placeholder until the screen is written; replaced in this same issue.
export default function NeedsHistoryScreen(_props: Record<string, unknown>) {
  return null;
}
