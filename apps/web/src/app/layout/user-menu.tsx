import type { SessionUser } from '../../lib/api/types';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api/logout';

/** A disclosure (button + panel) with the user's name, role, and the account actions. */
export function UserMenu({ user, onNavigate }: { user: SessionUser; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        void navigate('/login', { replace: true });
      },
    });
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="sr-only">{t('userMenu.label')}: </span>
        {user.fullName}
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          <span>{user.email}</span>
          <span>{t(`roles.${user.role}`)}</span>
        </p>
        <ul>
          <li>
            <Link
              to="/profilo/password"
              onClick={() => {
                setOpen(false);
                onNavigate?.();
              }}
            >
              {t('userMenu.changePassword')}
            </Link>
          </li>
          {user.role === 'coordinator' ? (
            <li>
              <Link
                to="/logo"
                onClick={() => {
                  setOpen(false);
                  onNavigate?.();
                }}
              >
                {t('userMenu.tenantLogo')}
              </Link>
            </li>
          ) : null}
          <li>
            <button type="button" className="link-button" onClick={signOut} disabled={logout.isPending}>
              {t('userMenu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
