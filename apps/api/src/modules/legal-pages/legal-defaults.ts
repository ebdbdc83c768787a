import type { AccessibilityStatementFieldsDto } from './dto/accessibility-statement.dto';
import type { PrivacyNoticeFieldsDto } from './dto/privacy-notice.dto';

/**
 * The text a tenant's pages show until a coordinator saves them: derived from the tenant (its
 * name; for Bari and Bologna their seat and institutional site) and the deployment's address.
 * Contacts nobody has confirmed are left empty (`null`), and the page says they are missing:
 * a made-up address on a legal page would be worse than none.
 */
export interface TenantFacts {
  istatCode: string;
  name: string;
}

interface KnownEntity {
  address: string;
  website: string;
}

/** What is public and stable about the first tenants (their seats and institutional sites). */
const KNOWN: Record<string, KnownEntity> = {
  '272': { address: 'Lungomare Nazario Sauro 29, 70121 Bari', website: 'https://www.cittametropolitana.ba.it' },
  '237': { address: 'Via Zamboni 13, 40126 Bologna', website: 'https://www.cittametropolitana.bo.it' },
};

/** AgID's form for reports to the Difensore civico per il digitale (the "procedura di attuazione"). */
export const AGID_ENFORCEMENT_URL = 'https://form.agid.gov.it/';

export function defaultAccessibilityStatement(tenant: TenantFacts, appOrigin: string, today: string): AccessibilityStatementFieldsDto {
  const known = KNOWN[tenant.istatCode];
  return {
    entityName: { it: tenant.name, en: '' },
    siteName: { it: 'Trama – innovatori metropolitani', en: 'Trama – metropolitan innovators' },
    siteUrl: appOrigin,
    conformity: 'partially_compliant',
    nonAccessibleContent: [
      {
        reason: 'non_compliance',
        description: {
          it:
            'La mappa interattiva del territorio non è pienamente utilizzabile con la sola tastiera né con i lettori di schermo. ' +
            'Gli stessi dati sono disponibili negli elenchi dei comuni, delle attività e delle organizzazioni, che sono accessibili.',
          en:
            'The interactive map of the territory cannot be fully used with the keyboard alone or with screen readers. ' +
            'The same data are available in the lists of municipalities, activities and organizations, which are accessible.',
        },
      },
    ],
    preparedOn: today,
    method: 'self_assessment',
    lastReviewedOn: today,
    feedbackEmail: null,
    enforcementUrl: AGID_ENFORCEMENT_URL,
    siteInfo: {
      it:
        `Trama è l'applicazione con cui ${tenant.name} segue il lavoro degli innovatori metropolitani nei comuni e negli ambiti territoriali sociali. ` +
        'Le pagine sono verificate con strumenti automatici (axe-core) su telefono e computer a ogni modifica del software.' +
        (known ? `\nSito istituzionale: ${known.website}` : ''),
      en:
        `Trama is the application ${tenant.name} uses to follow the work of the metropolitan innovators in the municipalities and social areas. ` +
        'Its pages are checked with automatic tools (axe-core) on phone and desktop sizes at every change of the software.' +
        (known ? `\nInstitutional website: ${known.website}` : ''),
    },
  };
}

export function defaultPrivacyNotice(tenant: TenantFacts, today: string): PrivacyNoticeFieldsDto {
  const known = KNOWN[tenant.istatCode];
  return {
    controllerName: { it: tenant.name, en: '' },
    controllerAddress: known?.address ?? tenant.name,
    controllerEmail: null,
    controllerPec: null,
    dpoEmail: null,
    purposes: {
      it:
        'Gestione del programma degli innovatori metropolitani: account degli utenti, registro delle attività sul territorio, revisione da parte dei coordinatori, registri delle organizzazioni e relativi report. ' +
        'Sicurezza del servizio: registrazione degli accessi e delle modifiche.',
      en:
        'Running the metropolitan innovators programme: user accounts, the log of activities in the territory, review by the coordinators, the registers of organizations and their reports. ' +
        'Security of the service: records of sign-ins and of changes.',
    },
    legalBasis: {
      it: "Esecuzione di un compito di interesse pubblico o connesso all'esercizio di pubblici poteri (art. 6, par. 1, lett. e, GDPR) e adempimento di obblighi di legge (art. 6, par. 1, lett. c, GDPR).",
      en: 'Performance of a task carried out in the public interest or in the exercise of official authority (Art. 6(1)(e) GDPR) and compliance with legal obligations (Art. 6(1)(c) GDPR).',
    },
    dataCategories: {
      it:
        'Dati identificativi e di contatto degli utenti (nome, e-mail, ruolo, comuni assegnati); dati inseriti nelle attività e nei registri (titoli, descrizioni, numero di partecipanti, referenti delle organizzazioni); ' +
        'dati tecnici (indirizzo IP, data e ora degli accessi, registro delle modifiche).',
      en:
        "Users' identification and contact data (name, e-mail, role, assigned municipalities); data entered in activities and registers (titles, descriptions, number of participants, organizations' contact persons); " +
        'technical data (IP address, date and time of sign-ins, log of changes).',
    },
    recipients: {
      it: "Personale autorizzato dell'ente; il fornitore della piattaforma, nominato responsabile del trattamento (art. 28 GDPR); autorità pubbliche nei casi previsti dalla legge. I dati non sono diffusi.",
      en: 'Authorised staff of the entity; the platform provider, appointed as processor (Art. 28 GDPR); public authorities where the law requires it. The data are not published.',
    },
    transfers: {
      it: "I dati sono trattati all'interno dell'Unione europea e non sono trasferiti verso paesi terzi.",
      en: 'The data are processed within the European Union and are not transferred to third countries.',
    },
    retention: {
      it: "I dati degli account sono conservati per la durata dell'incarico e poi secondo il piano di conservazione dell'ente; le attività e i registri secondo gli obblighi di rendicontazione del programma; i dati tecnici degli accessi per il tempo necessario alla sicurezza del servizio.",
      en: "Account data are kept for the duration of the assignment and then according to the entity's records retention plan; activities and registers according to the programme's reporting obligations; technical sign-in data for as long as the security of the service requires.",
    },
    rights: {
      it:
        "Può chiedere in ogni momento l'accesso ai dati, la rettifica, la cancellazione, la limitazione del trattamento e opporsi al trattamento (artt. 15–18 e 21 GDPR). " +
        'Per esercitare i diritti scriva al titolare o al responsabile della protezione dei dati ai recapiti indicati in questa pagina.',
      en:
        'You may at any time ask for access to your data, their rectification or erasure, the restriction of processing, and object to processing (Arts. 15–18 and 21 GDPR). ' +
        'To exercise these rights, write to the controller or to the data protection officer at the contacts on this page.',
    },
    noticeDate: today,
  };
}
