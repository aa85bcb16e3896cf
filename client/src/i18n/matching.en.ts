import type { MatchingMessages } from './matching.zh-CN';

/** English messages of trustworthy recommendations; typed against the Chinese ones so none can be missing. */
export const matchingEn: MatchingMessages = {
  matchTrust: {
    noneForNeed: 'No closely matching research results yet',
    noneForResult: 'No closely matching technology needs yet',
    noneHint: 'Only listings sharing key terms with this one are recommended. Subscribe to related {kind} to be told when new ones are published.',
    kindResults: 'results',
    kindNeeds: 'needs',
    subscribe: 'Subscribe to {kind} about “{q}”',
    subscribeName: 'Recommended: {q}',
    subscribed: 'Subscribed; you will be told when a new match is published',
    interestTitle: 'Interested organisations',
    interestNone: 'No organisation has shown interest yet',
    interestFrom: 'Through its {kind}: ',
    interestKinds: { need: 'need', result: 'result' },
  },
};
