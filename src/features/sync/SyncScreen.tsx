// Placeholder until the screen is written; replaced in this same issue.
export default function SyncScreen() {
  return null;
}
