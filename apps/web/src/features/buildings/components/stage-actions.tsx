import { ASSIGNMENT_INSTRUMENTS, canMoveReuseStage, REUSE_STAGE_TRANSITIONS, type ReuseStage } from '@trama/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage, fieldProblemTexts } from '../../../lib/api/error-message';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import { useMoveStage } from '../api/save-building';
import type { BuildingDto } from '../api/types';

/** What the assignment dialog gets to pick an organization (the route passes the organizations feature's picker). */
export interface OrganizationFieldProps {
  legend: string;
  value: { id: string; name: string }[];
  onChange: (value: { id: string; name: string }[]) => void;
  municipality: string;
  municipalities: MunicipalityRef[];
  error?: string;
}

interface StageActionsProps {
  building: BuildingDto;
  renderOrganization: (props: OrganizationFieldProps) => ReactNode;
}

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/**
 * The moves of the reuse pipeline the caller may make from the current stage (REUSE_STAGE_TRANSITIONS,
 * canMoveReuseStage: the API enforces the same). Discarding asks why; assigning asks for the
 * organization, instrument and dates; opening (active) for the opening day.
 */
export function StageActions({ building, renderOrganization }: StageActionsProps) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const move = useMoveStage(building.id);
  const [target, setTarget] = useState<ReuseStage | null>(null);
  const [reason, setReason] = useState('');
  const [organization, setOrganization] = useState<{ id: string; name: string }[]>([]);
  const [instrument, setInstrument] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [openingDate, setOpeningDate] = useState(todayIso);
  const targets = REUSE_STAGE_TRANSITIONS[building.stage].filter((to) => canMoveReuseStage(user.role, building.stage, to));
  if (targets.length === 0) return null;

  const close = () => {
    setTarget(null);
    move.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    move.mutate(
      {
        to: target,
        version: building.version,
        ...(target === 'discarded' || reason.trim() ? { reason: reason.trim() || null } : {}),
        ...(target === 'assigned'
          ? {
              assignment: {
                organization: organization[0]?.id,
                instrument: (instrument || undefined) as never,
                startDate: startDate || undefined,
                endDate: endDate || undefined,
              },
            }
          : {}),
        ...(target === 'active' && openingDate ? { openingDate } : {}),
      },
      { onSuccess: () => setTarget(null) },
    );
  };
  const problems = (field: string) => (move.isError ? fieldProblemTexts(t, move.error, field)[0] : undefined);
  const hasFieldProblems = isApiRequestError(move.error) && move.error.details.length > 0;

  return (
    <section className="panel stack-tight" aria-labelledby="stage-actions-title">
      <h2 id="stage-actions-title">{t('buildings.stage.actions')}</h2>
      <div className="form__actions">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={`button ${to === 'discarded' ? 'button--secondary' : 'button--primary'}`}
            onClick={() => setTarget(to)}
          >
            {t(`buildings.stage.moveTo.${to}`)}
          </button>
        ))}
      </div>
      <Dialog open={target !== null} title={target ? t(`buildings.stage.moveTo.${target}`) : ''} onClose={close}>
        <form className="stack" onSubmit={submit} noValidate>
          {move.isError && !hasFieldProblems ? <Alert tone="error">{errorMessage(t, move.error)}</Alert> : null}
          {target === 'assigned' ? (
            <>
              {renderOrganization({
                legend: t('buildings.fields.assignee'),
                value: organization,
                onChange: (v) => setOrganization(v.slice(-1)),
                municipality: building.municipality.istatCode,
                municipalities: user.assignedMunicipalities,
                error: problems('assignment.organization'),
              })}
              <SelectField
                label={t('buildings.fields.instrument')}
                required
                value={instrument}
                onChange={(e) => setInstrument(e.target.value)}
                error={problems('assignment.instrument')}
              >
                <option value="">{t('buildings.form.choose')}</option>
                {ASSIGNMENT_INSTRUMENTS.map((v) => (
                  <option key={v} value={v}>
                    {t(`vocab.assignmentInstrument.${v}`)}
                  </option>
                ))}
              </SelectField>
              <div className="grid-2">
                <TextField
                  label={t('buildings.fields.startDate')}
                  type="date"
                  required
                  value={startDate}
                  onChange={(e) => setStartDate(e.target.value)}
                  error={problems('assignment.startDate')}
                />
                <TextField
                  label={t('buildings.fields.endDate')}
                  type="date"
                  required
                  value={endDate}
                  min={startDate || undefined}
                  onChange={(e) => setEndDate(e.target.value)}
                  error={problems('assignment.endDate')}
                />
              </div>
            </>
          ) : null}
          {target === 'active' ? (
            <TextField
              label={t('buildings.fields.openingDate')}
              type="date"
              value={openingDate}
              onChange={(e) => setOpeningDate(e.target.value)}
            />
          ) : null}
          <TextAreaField
            label={t('buildings.fields.reason')}
            required={target === 'discarded'}
            hint={target === 'discarded' ? t('buildings.stage.reasonRequired') : t('buildings.stage.reasonOptional')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problems('reason')}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={move.isPending}>
              {t('buildings.stage.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('buildings.stage.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
