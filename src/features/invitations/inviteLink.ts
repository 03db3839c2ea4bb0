import { hrefOf } from '../../app/routes';

/**
 * The link a representative opens: this app's address with the token in the fragment, so it
 * never reaches server logs or Referer headers.
 */
export function inviteLink(location: { origin: string; pathname: string }, token: string): string {
  return `${location.origin}${location.pathname}${hrefOf({ name: 'selfReport', token })}`;
}
