import type { HomeEnterpriseMessages } from './home-enterprise.zh-CN';

/** English messages of the signed-in home page's blocks and the commissioner application statuses. */
export const homeEnterpriseEn: HomeEnterpriseMessages = {
  homeEnterprise: {
    title: 'Science commissioner service',
    openRequests: 'Requests open for pairing',
    awaitingAnswer: 'Pairings awaiting my answer',
    awaitingConfirm: 'Entries awaiting my confirmation',
    none: 'None',
    newRequest: 'New service request',
    allRequests: 'All requests',
    allPairings: 'My pairings',
    entries: '{n} to confirm',
  },
  cmHome: {
    title: 'Science commissioner',
    none: 'You have not applied to serve as a science commissioner. The Double-Thousand action sends researchers from universities, institutes and enterprises to serve enterprises across Jilin.',
    apply: 'Apply now',
    view: 'View application',
    term: '{term}',
    pairings: 'My pairings',
    pairingsCount: '{n} current pairings',
    directory: 'Commissioner directory',
  },
  cmStatus: {
    draft: 'Draft',
    awaiting_endorsement: "Awaiting organisation's endorsement",
    endorsement_declined: 'Not endorsed',
    awaiting_review: 'Awaiting review',
    returned: 'Sent back',
    approved: 'Approved',
  },
};
