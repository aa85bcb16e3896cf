import {
  eventCancelInput,
  eventListQuery as eventListQueryInput,
  eventInput,
  eventListView,
  eventMeetingParams,
  eventTransitionInput,
  eventView,
  idParams,
  meetingInterestInput,
  meetingMoveInput,
  meetingView,
  presenterInterestView,
  presenterQuery,
  registrationInput,
  registrationView,
  scheduleRunView,
  scheduleView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { scheduleWorkbook } from './event.export';
import { markInterest, mySchedule } from './event.interest';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';
import { EventModel, EventRegistrationModel, type EventRecord } from './event.model';
import { eventListQuery, organiserEventsQuery } from './event.queries';
import { presentEvent, presentEventSummary, presentMeeting, presentRegistration } from './event.presenter';
import { cancelMeeting, moveMeeting, publishSchedule, runSchedule, scheduledMeetings } from './event.schedule';
import { createEvent, readEvent, readManaged, register, registrationsFor, transitionEvent } from './event.service';
import { cancelEvent } from './event.cancel';
import { updateEvent } from './event.edit';

const TAG = 'events';

/** Roadshows and expos: events, registration, the one-to-one schedule and interest after the event. */
export function eventRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/events', tag: TAG, access: 'public',
    summary: 'Published events, upcoming (soonest first) or past (latest first); `mine`: the caller organisation’s, drafts included',
    query: eventListQueryInput, response: eventListView,
    handler: async ({ query }, req) => {
      const now = new Date();
      const user = req.user;
      let spec: QuerySpec | null;
      if (query.scope === 'mine') {
        spec = !user ? null : user.role === 'admin' ? { filter: { start: { $gte: SINCE_EVER } }, sort: { start: -1 } } : user.org && user.orgStatus !== 'pending' ? organiserEventsQuery(user.org) : null;
      } else {
        spec = eventListQuery(query.scope, now);
      }
      const docs = spec ? await EventModel.find(spec.filter).sort(spec.sort).limit(200).lean<EventRecord[]>() : [];
      const counts = await EventRegistrationModel.aggregate<{ _id: unknown; n: number }>([{ $match: { event: { $in: docs.map((d) => d._id) } } }, { $group: { _id: '$event', n: { $sum: 1 } } }]);
      const n = new Map(counts.map((c) => [String(c._id), c.n]));
      return { items: docs.map((d) => presentEventSummary(user, d, n.get(String(d._id)) ?? 0)) };
    },
  });
  api.add({
    method: 'post', path: '/events', tag: TAG, access: 'user', status: 201,
    summary: 'Create an event as a draft (administrators, approved members of intermediaries)', body: eventInput, response: eventView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      return presentEvent(user, await createEvent(user, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'get', path: '/events/:id', tag: TAG, access: 'public', summary: 'One event (drafts: organisers only)', params: idParams, response: eventView,
    handler: async ({ params }, req) => presentEvent(req.user, await readEvent(req.user, params.id)),
  });
  api.add({
    method: 'put', path: '/events/:id', tag: TAG, access: 'user',
    summary: 'Edit an event before registration closes (organiser); results enterprises picked stay in the programme, the slots and tables of a schedule stay; registrants are told of a new time or place',
    params: idParams, body: eventInput, response: eventView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return presentEvent(user, await updateEvent(user, params.id, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/events/:id/transition', tag: TAG, access: 'user',
    summary: 'The next state: draft → published → registration_closed → held → closed (organiser)', params: idParams, body: eventTransitionInput, response: eventView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return presentEvent(user, await transitionEvent(user, params.id, body.to, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/events/:id/cancel', tag: TAG, access: 'user',
    summary: 'Cancel the event before it is held (organiser): its meetings are dropped, registrants and presenters are told why',
    params: idParams, body: eventCancelInput, response: eventView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return presentEvent(user, await cancelEvent(user, params.id, body.reason, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/events/:id/registrations', tag: TAG, access: 'user', status: 201,
    summary: 'Register my enterprise (once per event) with the results it wants to meet', params: idParams, body: registrationInput, response: registrationView,
    handler: async ({ params, body }, req) => presentRegistration(await register(currentUser(req), params.id, body)),
  });
  api.add({
    method: 'get', path: '/events/:id/registrations', tag: TAG, access: 'user',
    summary: "All registrations (organiser), or those that picked my organisation's results (`?as=presenter`)", params: idParams,
    query: presenterQuery, response: presenterInterestView,
    handler: async ({ params, query }, req) => {
      const user = currentUser(req);
      const e = query.as === 'presenter' ? await readEvent(user, params.id) : await readManaged(user, params.id);
      return { items: (await registrationsFor(user, e, query.as === 'presenter')).map(presentRegistration) };
    },
  });
  api.add({
    method: 'post', path: '/events/:id/schedule/run', tag: TAG, access: 'user',
    summary: 'Run the scheduler: new meetings for unscheduled requests; existing ones stay; unscheduled ones with reasons', params: idParams, response: scheduleRunView,
    handler: async ({ params }, req) => runSchedule(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/events/:id/schedule', tag: TAG, access: 'user', summary: 'The whole schedule (organiser)', params: idParams, response: scheduleView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      const e = await readManaged(user, params.id);
      return { meetings: (await scheduledMeetings(e._id)).map((m) => presentMeeting(user, e, m)), published: Boolean(e.schedulePublishedAt) };
    },
  });
  api.add({
    method: 'get', path: '/events/:id/schedule.xlsx', tag: TAG, access: 'user', raw: true, summary: 'The schedule as an XLSX workbook (organiser)', params: idParams,
    handler: async ({ params }, req, res) => {
      const e = await readManaged(currentUser(req), params.id);
      const bytes = await scheduleWorkbook(e, await scheduledMeetings(e._id));
      res.status(200).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="schedule.xlsx"; filename*=UTF-8''${encodeURIComponent('洽谈日程.xlsx')}`)
        .set('Cache-Control', 'no-store').send(bytes);
    },
  });
  api.add({
    method: 'post', path: '/events/:id/schedule/publish', tag: TAG, access: 'user', summary: 'Publish the schedule; both sides of every meeting are told (organiser)', params: idParams, response: eventView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      return presentEvent(user, await publishSchedule(user, params.id, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/events/:id/meetings/:meetingId/move', tag: TAG, access: 'user',
    summary: 'Move a meeting to another slot and table (organiser); 409 SLOT_TAKEN when taken', params: eventMeetingParams, body: meetingMoveInput, response: meetingView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      const e = await readManaged(user, params.id);
      return presentMeeting(user, e, await moveMeeting(user, params.id, params.meetingId, body));
    },
  });
  api.add({
    method: 'post', path: '/events/:id/meetings/:meetingId/cancel', tag: TAG, access: 'user', summary: 'Cancel a meeting (organiser)', params: eventMeetingParams, response: meetingView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      const e = await readManaged(user, params.id);
      return presentMeeting(user, e, await cancelMeeting(user, params.id, params.meetingId));
    },
  });
  api.add({
    method: 'get', path: '/events/:id/my-schedule', tag: TAG, access: 'user', summary: "My organisation's meetings once the schedule is published", params: idParams, response: scheduleView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      const e = await readEvent(user, params.id);
      const mine = await mySchedule(user, params.id);
      return { meetings: mine.meetings.map((m) => presentMeeting(user, e, m)), published: mine.published };
    },
  });
  api.add({
    method: 'post', path: '/events/:id/meetings/:meetingId/interest', tag: TAG, access: 'user',
    summary: "After the event: my side's interest; the enterprise's interest opens a deal room about the result", params: eventMeetingParams, body: meetingInterestInput, response: meetingView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      const e = await readEvent(user, params.id);
      return presentMeeting(user, e, await markInterest(user, params.id, params.meetingId, body.interested, req.ip ?? ''));
    },
  });
}
