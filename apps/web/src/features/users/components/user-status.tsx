import type { UserDto } from '../api/types';
import { useTranslation } from 'react-i18next';

export type UserStatus = 'active' | 'inactive' | 'locked';

export function userStatus(user: Pick<UserDto, 'active' | 'lockedUntil'>, now = Date.now()): UserStatus {
  if (!user.active) return 'inactive';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}

export function UserStatusBadge({ user }: { user: Pick<UserDto, 'active' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  const status = userStatus(user);
  return <span className={`badge badge--${status}`}>{t(`users.status.${status}`)}</span>;
}
