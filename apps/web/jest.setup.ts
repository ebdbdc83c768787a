import '@testing-library/jest-dom/jest-globals';
import en from './src/lib/i18n/en.json';
import { i18n } from './src/lib/i18n/i18n';

// The app fetches the English catalogue when English is chosen; tests have it from the start, so
// that switching language (or i18n.getFixedT('en')) is synchronous as it always was in tests.
i18n.addResourceBundle('en', 'translation', en);
