import type { listingShareZh } from './listing-share.zh-CN';

/** English messages of sharing a listing with colleagues (owner's toolbar). */
export const listingShareEn: typeof listingShareZh = {
  listingShare: {
    button: 'Share with colleagues',
    title: 'Share with colleagues',
    intro: 'The colleagues you tick may edit, submit and withdraw this listing as you can. Only approved members of your organisation can be chosen.',
    none: 'Your organisation has no other approved members yet',
    count: 'Shared with {n}',
    save: 'Save',
    saved: 'Sharing saved',
  },
};
