import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { useState } from 'react';
import { api, unwrap } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { activityKeys } from './activity-keys';

/** An attachment of an activity (a photo or a document in the file store). */
export type AttachmentDto = ResponseOf<'listActivityAttachments'>[number];

/** API paths of an attachment's bytes (fetched with the session's token: lib/files/use-file-url.ts). */
export const attachmentPaths = {
  file: (activityId: string, fileId: string) => `/api/activities/${activityId}/attachments/${fileId}`,
  thumbnail: (activityId: string, fileId: string) => `/api/activities/${activityId}/attachments/${fileId}/thumbnail`,
};

/** GET /activities/:id/attachments: oldest first. */
export function listAttachments(id: string, signal?: AbortSignal): Promise<AttachmentDto[]> {
  return unwrap(api.GET('/api/activities/{id}/attachments', { params: { path: { id } }, signal }));
}

export function attachmentsQueryOptions(id: string) {
  return queryOptions({ queryKey: activityKeys.attachments(id), queryFn: ({ signal }) => listAttachments(id, signal) });
}

export function useAttachments(id: string, enabled = true) {
  return useQuery({ ...attachmentsQueryOptions(id), enabled });
}

/** POST /activities/:id/attachments (multipart), with the upload's progress (0…1, null when idle). */
export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<AttachmentDto>(`/api/activities/${id}/attachments`, file, { onProgress: setProgress });
    },
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: activityKeys.attachments(id) });
    },
  });
  return { ...mutation, progress };
}

/** DELETE /activities/:id/attachments/:fileId. */
export function useDeleteAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => unwrap(api.DELETE('/api/activities/{id}/attachments/{fileId}', { params: { path: { id, fileId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: activityKeys.attachments(id) }),
  });
}
