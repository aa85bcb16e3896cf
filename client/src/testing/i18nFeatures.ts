import { loadFeatureMessages } from '../i18n';
import { FEATURE_CATALOGUES, type Feature } from '../i18n/features';

// The app loads a feature's messages with its route; a component mounted on its own needs them too.
await loadFeatureMessages(Object.keys(FEATURE_CATALOGUES) as Feature[], 'zh-CN');
