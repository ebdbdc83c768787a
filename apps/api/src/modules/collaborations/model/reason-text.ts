import type { Language } from '@trama/contracts';
import { label, type LabelKey } from '../../../common/export/labels';
import type { Reason } from './suggest';

/** One reason in words and numbers, in the caller's language: "+24 offre volontari, di cui l'altra ha bisogno". */
export function reasonText(reason: Reason, lang: Language, names: readonly [string, string]): string {
  const list = (vocab: string, values: readonly string[] | undefined) =>
    (values ?? []).map((v) => label(lang, `vocab.${vocab}.${v}` as LabelKey)).join(', ');
  const p = reason.params;
  const points = `+${reason.contribution.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB')}`;
  const it = lang === 'it';
  let words: string;
  switch (reason.code) {
    case 'offers_meet_needs': {
      const parts: string[] = [];
      if (p.offersToSecond?.length)
        parts.push(
          it
            ? `${names[0]} offre ${list('resource', p.offersToSecond)} a ${names[1]}`
            : `${names[0]} offers ${list('resource', p.offersToSecond)} to ${names[1]}`,
        );
      if (p.offersToFirst?.length)
        parts.push(
          it
            ? `${names[1]} offre ${list('resource', p.offersToFirst)} a ${names[0]}`
            : `${names[1]} offers ${list('resource', p.offersToFirst)} to ${names[0]}`,
        );
      words = (it ? 'offerte e bisogni si incontrano: ' : 'offers meet needs: ') + parts.join('; ');
      break;
    }
    case 'shared_themes':
      words = (it ? 'temi in comune: ' : 'shared themes: ') + list('theme', p.themes);
      break;
    case 'shared_target_groups':
      words = (it ? 'destinatari in comune: ' : 'shared target groups: ') + list('targetGroup', p.targetGroups);
      break;
    case 'same_municipality':
      words = it ? 'stesso comune' : 'same municipality';
      break;
    case 'neighbouring_municipalities':
      words = it
        ? `comuni confinanti${p.municipality ? ` (${p.municipality})` : ''}`
        : `neighbouring municipalities${p.municipality ? ` (${p.municipality})` : ''}`;
      break;
    case 'rare_kinds':
      words = (it ? 'tipi che collaborano di rado: ' : 'kinds that rarely work together: ') + list('organizationKind', p.kinds);
      break;
    case 'no_path':
      words = it ? 'nessun legame nella rete, neppure indiretto' : 'no link in the network, not even indirect';
      break;
    case 'far_in_network':
      words = it ? `lontane nella rete (oltre ${p.hops} passaggi)` : `far apart in the network (more than ${p.hops} hops)`;
      break;
    case 'different_communities':
      words = it ? 'in comunità diverse della rete' : 'in different communities of the network';
      break;
  }
  return `${points} ${words}`.slice(0, 1000);
}
