import type { EventsMessages } from './events.zh-CN';

/** English messages of roadshows and expos (same keys as the Chinese ones). */
export const eventsEn: EventsMessages = {
  ev: {
    kind: { roadshow: 'Roadshow', expo: 'Expo booth', online: 'Online launch' },
    state: { draft: 'Draft', published: 'Registration open', registration_closed: 'Registration closed', held: 'Held', closed: 'Closed', cancelled: 'Cancelled' },
    next: { published: 'Publish (open registration)', registration_closed: 'Close registration', held: 'Mark as held', closed: 'Close the event' },
    reason: {
      enterprise_busy: 'The enterprise is busy in every free slot', presenter_busy: 'The presenter is busy whenever the enterprise is free', tables_full: 'No free table when both sides are free',
      same_org: 'The enterprise and the presenter are the same organisation', taken: 'A concurrent run took the place: run the scheduler again',
    },
    list: {
      title: 'Roadshows & expos', intro: 'Roadshows, expo matchmaking and online launches of results: register, pick the results you want to meet, and the platform schedules one-to-one meetings.',
      upcoming: 'Upcoming', past: 'Past', mine: 'Organised by us', empty: 'No events', create: 'Create an event', registrations: '{n} enterprises registered', results: '{n} results',
    },
    detail: {
      cancelled: 'This event is cancelled',
      when: 'When', place: 'Place', stream: 'Stream', organiser: 'Organiser', programme: 'Programme', slots: 'Meetings: {m} minutes each, {t} tables, {n} slots',
      register: 'Register for meetings', picks: 'Pick the results you want to meet', note: 'Note (optional)', submit: 'Register', registered: 'Your enterprise is registered; results picked:', registeredOk: 'Registered',
      mySchedule: 'My meeting schedule', console: 'Manage the event', edit: 'Edit the event', presenterTitle: "Enterprises that picked your organisation's results", presenterEmpty: "No enterprise picked your organisation's results yet",
      signIn: 'Members of an enterprise sign in to register', onlyEnterprises: 'Only members of an enterprise can register', closed: 'Registration is closed',
    },
    console: {
      cancelEvent: 'Cancel the event', cancelEventPrompt: 'Cancelling drops every meeting and tells the {n} registered enterprise(s) and the presenters. Why is it cancelled (they will read it)?',
      cancelEventPromptNone: 'Why is it cancelled? (Once published, the presenters are told.)',
      cancelEventReason: 'e.g. the venue is unavailable; a new date will follow', cancelEventReasonRequired: 'Give a reason (2 characters at least)', cancelledEvent: 'Event cancelled; registrants and presenters are told',
      title: 'Manage the event', registrations: 'Registered enterprises', noRegistrations: 'No registrations yet', run: 'Run the scheduler', running: 'Scheduling…', publish: 'Publish the schedule', export: 'Export to Excel',
      runDone: '{n} new meetings, {k} kept', unscheduled: 'Requests that found no place', schedule: 'Schedule (slots × tables)', empty: 'The schedule holds no meetings yet',
      published: 'Schedule published', unpublished: 'Schedule not published', moveHint: 'A meeting is selected: click a free place to move it there', cancel: 'Cancel', move: 'Move', cancelled: 'Meeting cancelled',
      moved: 'Moved', publishedOk: 'Schedule published; both sides were told', slot: 'Slot', table: 'Table {n}', confirmNext: 'Really “{s}”?',
    },
    mine: {
      title: 'My meeting schedule', empty: 'No meetings', notPublished: 'The organiser has not published the schedule yet', counterpart: 'Counterpart', result: 'Result', time: 'Time', table: 'Table',
      interested: 'Interested', notInterested: 'Not interested', interestHint: 'After the event, mark whether you want to go further; the enterprise’s interest opens a deal room.', deal: 'Open the deal room',
      you: 'Your answer: ', yes: 'Interested', no: 'Not interested', none: 'Not marked',
    },
    form: {
      title: 'Create an event', kind: 'Kind', name: 'Title', description: 'Description', place: 'Place', stream: 'Stream link', day: 'Date', from: 'From', to: 'To',
      slotMinutes: 'Meeting length (minutes)', tables: 'Tables', programme: 'Programme', search: 'Search published results', add: 'Add', remove: 'Remove', save: 'Save as draft', saved: 'Event created (draft)',
      editTitle: 'Edit the event', update: 'Save changes', updated: 'Event updated', sessions: 'Sessions', addSession: 'Add a session', picked: 'Picked by enterprises: stays',
      notEditable: 'The event can no longer be edited once registration is closed', registrants: '{n} enterprise(s) registered: the results they picked stay in the programme; they are told of a new time or place.',
      slotsLocked: 'Meetings are scheduled: the sessions and the meeting length are locked, and tables can only be added (at least {n}). To change the time, cancel the meetings concerned in the console first.',
    },
  },
};
