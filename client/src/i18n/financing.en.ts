import type { financingZh } from './financing.zh-CN';

export const financingEn: typeof financingZh = {
  fin: {
    nav: 'Tech finance',
    catalogue: {
      title: 'Tech finance',
      intro: 'Financing products from banks, guarantors, insurers, leasing companies and investors for technology transfer: IP pledge loans, credit guarantees, technology insurance, leasing, venture investment.',
      q: 'Product name', qPlaceholder: 'Words of the product name', kind: 'Kind', city: 'Region', industry: 'Industry', maturity: 'Maturity',
      count: '{n} products', empty: 'No financing products match', mine: 'My financing products', myApplications: 'My applications', inbox: 'Applications inbox',
    },
    product: {
      notFound: 'This product does not exist or was withdrawn', withdrawn: 'Withdrawn', conditions: 'Conditions', amount: 'Amount', term: 'Term', rate: 'Rate / fee',
      maturities: 'Maturity', industries: 'Industries', cities: 'Regions', documents: 'Documents required', any: 'Any', provider: 'Provider',
      applyTitle: 'Apply for this product', applyHint: 'Members of an enterprise apply online; the financial institution answers on the platform.', loginToApply: 'Sign in with an enterprise account to apply',
      onlyEnterprise: 'Only members of an enterprise can apply', yours: 'This is your organisation’s product',
    },
    apply: {
      amount: 'Amount (yuan)', termMonths: 'Term (months)', purpose: 'Use of funds', link: 'Link', linkNone: 'None', linkNeed: 'My need', linkResult: 'Result', linkDeal: 'My deal',
      submit: 'Send the application', done: 'Application sent; follow it under “My applications”', view: 'View the application',
    },
    fit: {
      title: 'Financing options', intro: 'Financing products matched on maturity, industry, location, amount and IP status.', fits: 'Fits', nearly: 'Misses one condition', reasons: 'Why it fits', unmet: 'Not met',
      empty: 'No fitting financing products yet', all: 'All financing products', apply: 'Apply',
    },
    apps: {
      mineTitle: 'My financing applications', inboxTitle: 'Financing applications inbox', empty: 'No financing applications yet', status: 'Status', allStatuses: 'All statuses',
      amount: 'Amount', applicant: 'Applicant', provider: 'Financial institution', updated: 'Updated', product: 'Product', open: 'Open',
    },
    app: {
      title: 'Financing application', notFound: 'No such application', purpose: 'Use of funds', link: 'Linked to', terms: 'Approved terms', termsText: '{amount}, {months} months, {rate}',
      thread: 'Thread', review: 'Accept for review', requestInfo: 'Request information', approve: 'Approve', decline: 'Decline', reply: 'Reply', withdraw: 'Withdraw',
      note: 'Note', notePlaceholder: 'A note for the other side', reasonRequired: 'Please give a reason', termsAmount: 'Approved amount (yuan)', termsMonths: 'Term (months)', termsRate: 'Rate / fee',
      send: 'Send', sent: 'Sent', withdrawConfirm: 'Withdraw this financing application?', closed: 'The application is closed',
      steps: { apply: 'Applied', review: 'Accepted for review', request_info: 'Asked for information', approve: 'Approved', decline: 'Declined', reply: 'Replied', withdraw: 'Withdrew' },
      files: 'Attachments', filesHint: 'Business plan, financial statements … (PDF, DOCX, XLSX, PNG, JPG); only the applicant and the financial institution can download them', filesEmpty: 'No attachments', fileRemove: 'Remove', fileAdd: 'Upload a file',
      documents: { business_plan: 'Business plan', financial_statements: 'Financial statements', other: 'Other' },
      sides: { applicant: 'Applicant', provider: 'Financial institution' },
    },
    mine: {
      title: 'My financing products', kind: 'Institution kind', kindHint: 'Your organisation’s kind, shown beside its products', kindSaved: 'Kind saved', add: 'Publish a product', edit: 'Edit', withdraw: 'Withdraw',
      withdrawConfirm: 'Withdraw this product? Existing applications are kept.', saved: 'Saved', empty: 'Your organisation has not published any products', notFinancial: 'Only members of a financial institution publish products',
      form: {
        kind: 'Kind', title: 'Name', description: 'Description', maturities: 'Maturity (none: any)', industries: 'Industries (none: any)', cities: 'Regions (none: any)',
        amountMin: 'Minimum (yuan)', amountMax: 'Maximum (yuan)', termMonthsMin: 'Shortest term (months)', termMonthsMax: 'Longest term (months)', rateText: 'Rate / fee',
        documents: 'Documents required (one per line)', save: 'Save', cancel: 'Cancel',
      },
    },
  },
};
