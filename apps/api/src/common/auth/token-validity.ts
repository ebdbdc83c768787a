/**
 * Access tokens issued before the user's last password change must stop working. JWT `iat` is in
 * whole seconds, which cannot order a sign-in and a password change within the same second (and
 * app and database clocks may differ). So each access token carries the `password_changed_at` it
 * was issued under (`pwdChangedAt`, epoch ms, read from the database at issue time), and a token
 * is current only while that stamp is not older than the user's `password_changed_at`. No clock
 * comparison is involved.
 */
export function passwordStamp(passwordChangedAt: Date): number {
  return passwordChangedAt.getTime();
}

/** Whether a token carrying `tokenStamp` is still valid for a user whose password changed at `passwordChangedAt`. */
export function isIssuedAfterPasswordChange(tokenStamp: number | null | undefined, passwordChangedAt: Date): boolean {
  return typeof tokenStamp === 'number' && tokenStamp >= passwordStamp(passwordChangedAt);
}
