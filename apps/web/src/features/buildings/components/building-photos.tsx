import { BUILDING_MAX_PHOTOS } from '@trama/contracts';
import { useId, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFileUrl } from '../../../lib/files/use-file-url';
import { photoPaths, useDeletePhoto, usePhotos, useUploadPhoto } from '../api/photos';
import type { BuildingDto, PhotoDto } from '../api/types';

function Photo({ building, photo, index, canEdit }: { building: BuildingDto; photo: PhotoDto; index: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const { url } = useFileUrl(photoPaths.thumbnail(building.id, photo.id));
  const remove = useDeletePhoto(building.id);
  const alt = t('buildings.photos.alt', { name: building.name, n: index + 1 });
  return (
    <li className="building-photo">
      <figure>
        {url ? (
          <img src={url} alt={alt} width={160} height={120} loading="lazy" />
        ) : (
          <span className="building-photo__placeholder" aria-hidden="true" />
        )}
        <figcaption className="muted">{photo.name}</figcaption>
      </figure>
      {canEdit ? (
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label={t('buildings.photos.removeNamed', { name: photo.name })}
          disabled={remove.isPending}
          onClick={() => remove.mutate(photo.id)}
        >
          {t('buildings.photos.remove')}
        </button>
      ) : null}
      {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
    </li>
  );
}

/** The building's photos: a gallery (thumbnails with alt text) and, for those who may change it, an upload. */
export function BuildingPhotos({ building, canEdit }: { building: BuildingDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const photos = usePhotos(building.id);
  const upload = useUploadPhoto(building.id);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) upload.mutate(file);
    event.target.value = '';
  };
  const full = (photos.data?.length ?? 0) >= BUILDING_MAX_PHOTOS;
  return (
    <section className="panel stack-tight" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('buildings.photos.title')}</h2>
      {photos.isPending ? <Loading /> : null}
      {photos.data && photos.data.length === 0 ? <p className="muted">{t('buildings.photos.none')}</p> : null}
      {photos.data && photos.data.length > 0 ? (
        <ul className="building-photos">
          {photos.data.map((p, i) => (
            <Photo key={p.id} building={building} photo={p} index={i} canEdit={canEdit} />
          ))}
        </ul>
      ) : null}
      {canEdit && !full ? (
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t('buildings.photos.add')}
          </label>
          <p className="field__hint">{t('buildings.photos.hint')}</p>
          <input
            ref={input}
            id={inputId}
            className="input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            onChange={onFile}
          />
        </div>
      ) : null}
      <p role="status" className="field__hint">
        {upload.progress !== null
          ? t('buildings.photos.uploading', { percent: Math.round(upload.progress * 100) })
          : upload.isSuccess
            ? t('buildings.photos.added')
            : ''}
      </p>
      {upload.isError ? <Alert tone="error">{errorMessage(t, upload.error)}</Alert> : null}
    </section>
  );
}
