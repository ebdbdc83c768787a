import '@testing-library/jest-dom/jest-globals';
import { configure } from '@testing-library/react';
import en from './src/lib/i18n/en.json';
import it from './src/lib/i18n/it.json';
import { i18n } from './src/lib/i18n/i18n';

// The app fetches the English catalogue when English is chosen; tests have it from the start, so
// that switching language (or i18n.getFixedT('en')) is synchronous as it always was in tests.
i18n.addResourceBundle('en', 'translation', en);
// the app adds the signed-in pages' Italian texts with the signed-in shell (loadSignedInTexts); tests have them all
i18n.addResourceBundle('it', 'translation', it, true, true);

// waitFor / findBy wait up to 5 s (Testing Library's default is 1 s): on CI's two busy cores the first
// test of a file was seen taking > 1 s to show a validation message that is certainly coming
// (activity-form.spec, load 10). A condition that never holds still fails.
configure({ asyncUtilTimeout: 5000 });
