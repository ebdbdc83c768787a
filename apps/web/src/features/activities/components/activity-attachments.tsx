import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS_PER_ACTIVITY } from '@trama/contracts';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { fetchFile, useFileUrl } from '../../../lib/files/use-file-url';
import { useFormatters } from '../../../lib/i18n/format';
import { attachmentPaths, type AttachmentDto, useAttachments, useDeleteAttachment, useUploadAttachment } from '../api/attachments';
import { saveFile } from '../api/export-activities';

function Thumbnail({ activityId, file }: { activityId: string; file: AttachmentDto }) {
  const { url } = useFileUrl(file.image ? attachmentPaths.thumbnail(activityId, file.id) : null);
  if (!file.image) {
    const ext = file.name.split('.').pop()?.toUpperCase() ?? '';
    return (
      <span className="attachment__icon" aria-hidden="true">
        {ext}
      </span>
    );
  }
  // the name is the link's text beside it: the thumbnail is decoration
  return url ? <img className="attachment__thumb" src={url} alt="" width={80} height={80} /> : <span className="attachment__thumb" />;
}

function AttachmentItem({ activityId, file, canEdit }: { activityId: string; file: AttachmentDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const remove = useDeleteAttachment(activityId);
  const [confirming, setConfirming] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = async () => {
    setDownloadError(null);
    try {
      saveFile({ blob: await fetchFile(attachmentPaths.file(activityId, file.id)), filename: file.name }, file.name);
    } catch (error) {
      setDownloadError(error);
    }
  };
  const size =
    file.size >= 1024 * 1024 ? `${format.number(file.size / (1024 * 1024))} MB` : `${format.integer(Math.ceil(file.size / 1024))} KB`;

  return (
    <li className="attachment">
      <Thumbnail activityId={activityId} file={file} />
      <div className="attachment__body">
        <button type="button" className="link-button attachment__name" onClick={() => void download()}>
          {file.name}
        </button>
        <span className="muted">
          {' '}
          · {size}
          {file.width && file.height ? ` · ${file.width}×${file.height}` : ''}
        </span>
        {downloadError ? <Alert tone="error">{errorMessage(t, downloadError)}</Alert> : null}
        {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      </div>
      {canEdit ? (
        <div className="attachment__actions">
          {confirming ? (
            <>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={remove.isPending}
                onClick={() => remove.mutate(file.id)}
              >
                {t('activities.attachments.confirmRemove', { name: file.name })}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('activities.attachments.removeLabel', { name: file.name })}
              onClick={() => setConfirming(true)}
            >
              {t('activities.attachments.remove')}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function UploadControls({ activityId, count }: { activityId: string; count: number }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(activityId);
  const photoId = useId();
  const fileId = useId();
  const hintId = useId();
  const [done, setDone] = useState<string | null>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setDone(null);
    upload.mutate(file, { onSuccess: (stored) => setDone(stored.name) });
  };
  const disabled = upload.isPending || count >= MAX_ATTACHMENTS_PER_ACTIVITY;

  return (
    <div className="attachment-upload">
      <p id={hintId} className="muted">
        {t('activities.attachments.hint')}
      </p>
      <div className="attachment-upload__inputs">
        <div className="field">
          <label htmlFor={photoId}>{t('activities.attachments.takePhoto')}</label>
          <input
            ref={photoInput}
            id={photoId}
            type="file"
            accept="image/*"
            capture="environment"
            aria-describedby={hintId}
            disabled={disabled}
            onChange={onChange}
          />
        </div>
        <div className="field">
          <label htmlFor={fileId}>{t('activities.attachments.chooseFile')}</label>
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            aria-describedby={hintId}
            disabled={disabled}
            onChange={onChange}
          />
        </div>
      </div>
      {upload.progress !== null ? (
        <p>
          <label>
            {t('activities.attachments.uploading')} <progress max={1} value={upload.progress} />
          </label>
        </p>
      ) : null}
      {upload.isError ? <Alert tone="error">{errorMessage(t, upload.error)}</Alert> : null}
      {done ? <Alert tone="success">{t('activities.attachments.uploaded', { name: done })}</Alert> : null}
    </div>
  );
}

/**
 * The attachments of an activity: photos with thumbnails, documents by name; downloads fetched with
 * the session's token (never a bare link: the token is not a cookie). The author adds and removes
 * them while the activity is editable; the server decides on every request.
 */
export function ActivityAttachments({ activityId, canEdit }: { activityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useAttachments(activityId);
  if (query.isPending) return <Loading />;
  if (query.isError && !query.data) return <Alert tone="error">{errorMessage(t, query.error)}</Alert>;
  const files = query.data ?? [];
  return (
    <div className="stack">
      {files.length ? (
        <ul className="attachments">
          {files.map((file) => (
            <AttachmentItem key={file.id} activityId={activityId} file={file} canEdit={canEdit} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('activities.attachments.none')}</p>
      )}
      {canEdit ? <UploadControls activityId={activityId} count={files.length} /> : null}
    </div>
  );
}
