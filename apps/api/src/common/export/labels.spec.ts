import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INDICATOR_PROGRESS_STATUSES,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  FUNDING_SOURCES,
  INITIATIVE_STATUSES,
  LANGUAGES,
  ORGANIZATION_KINDS,
  PARTICIPANT_GROUPS,
  ASSIGNMENT_INSTRUMENTS,
  BUILDING_ACCESSIBILITY,
  BUILDING_CONDITIONS,
  BUILDING_CONSTRAINTS,
  BUILDING_CURRENT_USES,
  BUILDING_OWNERSHIPS,
  REUSE_STAGES,
  SUITABLE_USES,
  ORGANIZATION_SIZES,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
  PROJECT_PROGRAMMES,
  PROJECT_STATUSES,
} from '@trama/contracts';
import type { Vocabulary } from './columns';
import { LABELS } from './labels';

type Catalogue = { [key: string]: string | Catalogue };

function flat(catalogue: Catalogue, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalogue).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flat(value, `${prefix}${key}.`)),
    ),
  );
}

/** The web's catalogue, read from its source: the API must not depend on the web's build. */
function webCatalogue(language: string): Record<string, string> {
  const path = join(__dirname, '..', '..', '..', '..', 'web', 'src', 'lib', 'i18n', `${language}.json`);
  return flat(JSON.parse(readFileSync(path, 'utf8')) as Catalogue);
}

const VOCABULARIES: Record<Vocabulary, readonly string[]> = {
  activityType: ACTIVITY_TYPES,
  activityStatus: ACTIVITY_STATUSES,
  theme: THEMES,
  participantGroup: PARTICIPANT_GROUPS,
  organizationKind: ORGANIZATION_KINDS,
  initiativeStatus: INITIATIVE_STATUSES,
  fundingSource: FUNDING_SOURCES,
  indicatorProgress: INDICATOR_PROGRESS_STATUSES,
  projectStatus: PROJECT_STATUSES,
  projectProgramme: PROJECT_PROGRAMMES,
  reuseStage: REUSE_STAGES,
  buildingOwnership: BUILDING_OWNERSHIPS,
  buildingCondition: BUILDING_CONDITIONS,
  buildingCurrentUse: BUILDING_CURRENT_USES,
  buildingAccessibility: BUILDING_ACCESSIBILITY,
  buildingConstraint: BUILDING_CONSTRAINTS,
  suitableUse: SUITABLE_USES,
  assignmentInstrument: ASSIGNMENT_INSTRUMENTS,
  targetGroup: TARGET_GROUPS,
  resource: RESOURCES,
  organizationSize: ORGANIZATION_SIZES,
};

describe.each(LANGUAGES)('the export labels in %s', (language) => {
  const web = webCatalogue(language);
  const server = LABELS[language] as Record<string, string>;

  it("say exactly what the web's catalogue says, under the same keys", () => {
    const drift = Object.entries(server)
      .filter(([key, text]) => web[key] !== text)
      .map(([key, text]) => `${key}: server "${text}", web "${web[key] ?? '(missing)'}"`);
    expect(drift).toEqual([]);
  });

  it("hold every label of the web's vocabularies and export texts", () => {
    const missing = Object.keys(web).filter((key) => /^(vocab|exports)\./.test(key) && !(key in server));
    expect(missing).toEqual([]);
  });

  it('label every code of the shared vocabularies', () => {
    const missing = Object.entries(VOCABULARIES).flatMap(([vocabulary, codes]) =>
      codes.filter((code) => !server[`vocab.${vocabulary}.${code}`]).map((code) => `vocab.${vocabulary}.${code}`),
    );
    expect(missing).toEqual([]);
  });
});
