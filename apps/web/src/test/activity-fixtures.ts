import type { ActivityDto } from '../features/activities/api/types';

/** An activity as the API returns it (submitted, in Molfetta); `n` (from 1) makes its ids, day and texts distinct. */
export function activityDto(n: number, overrides: Partial<ActivityDto> = {}): ActivityDto {
  const seq = String(n).padStart(12, '0');
  const day = `2026-11-${String(((n - 1) % 28) + 1).padStart(2, '0')}`;
  return {
    id: `20000000-0000-4000-8000-${seq}`,
    clientId: `30000000-0000-4000-8000-${seq}`,
    status: 'submitted',
    version: 2,
    municipality: { istatCode: '072029', name: 'Molfetta' },
    socialArea: null,
    author: { id: 'a1', fullName: 'Ivan Innovatore' },
    date: day,
    durationMinutes: 60,
    type: 'workshop',
    title: `Attività ${n}`,
    description: `Descrizione ${n}`,
    participants: { total: 10 + n },
    themes: ['youth'],
    organizations: [],
    building: null,
    initiative: null,
    location: null,
    outcomes: null,
    followUps: null,
    internalNotes: null,
    reviewComment: null,
    submittedAt: `${day}T09:00:00Z`,
    reviewedAt: null,
    reviewedBy: null,
    createdAt: `${day}T08:00:00Z`,
    updatedAt: `${day}T09:00:00Z`,
    ...overrides,
  };
}
