import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { buildingKeys } from './building-keys';
import type { PhotoDto } from './types';

/** API paths of a photo's bytes (fetched with the session's token: lib/files/use-file-url.ts). */
export const photoPaths = {
  file: (buildingId: string, fileId: string) => `/api/buildings/${buildingId}/photos/${fileId}`,
  thumbnail: (buildingId: string, fileId: string) => `/api/buildings/${buildingId}/photos/${fileId}/thumbnail`,
};

export function usePhotos(id: string) {
  return useQuery({
    queryKey: buildingKeys.photos(id),
    queryFn: ({ signal }): Promise<PhotoDto[]> => unwrap(api.GET('/api/buildings/{id}/photos', { params: { path: { id } }, signal })),
  });
}

/** POST /buildings/:id/photos (multipart), with the upload's progress (0…1, null when idle). */
export function useUploadPhoto(id: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<PhotoDto>(`/api/buildings/${id}/photos`, file, { onProgress: setProgress });
    },
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: buildingKeys.photos(id) });
    },
  });
  return { ...mutation, progress };
}

export function useDeletePhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => unwrap(api.DELETE('/api/buildings/{id}/photos/{fileId}', { params: { path: { id, fileId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: buildingKeys.photos(id) }),
  });
}
