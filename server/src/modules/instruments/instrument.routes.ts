import express from 'express';
import {
  idParams,
  instrumentInput,
  instrumentListView,
  instrumentMineQuery,
  instrumentPhotoParams,
  instrumentPhotoQuery,
  instrumentPhotoView,
  instrumentSearchQuery,
  instrumentSearchResponse,
  instrumentView,
  attachmentUploadBody,
  INSTRUMENT_PHOTO_MAX_BYTES,
  INSTRUMENT_PHOTO_MIMES,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { createError } from '../../lib/errors';
import { requireAuth } from '../../lib/auth-guard';
import type { PlatformSearch } from '../../search/search.service';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { openInstrumentPhoto, uploadInstrumentPhoto } from './instrument.photos';
import { searchInstruments } from './instrument.query';
import { createInstrument, getInstrument, myInstruments, updateInstrument, withdrawInstrument } from './instrument.service';

const TAG = 'instruments';

/** The large-instrument catalogue (大型科学仪器共享): search, pages, and the institutions' own lists. */
export function instrumentRoutes(api: ApiRouter, deps: { search: PlatformSearch }): void {
  api.add({
    method: 'get', path: '/instruments', tag: TAG, access: 'public',
    summary: 'Search shared instruments: words (name, model, maker, parameters, description, institution) with facets category, city, institution, price unit, operator',
    query: instrumentSearchQuery, response: instrumentSearchResponse,
    handler: ({ query }) => searchInstruments(deps.search, query),
  });
  api.add({
    method: 'post', path: '/instruments', tag: TAG, access: 'user', status: 201,
    summary: 'An approved member of a verified university or institute lists an instrument of his institution',
    body: instrumentInput, response: instrumentView, errors: ['FORBIDDEN'],
    handler: async ({ body }, req) => createInstrument(await requireListingActor(req), body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/me/instruments', tag: TAG, access: 'user',
    summary: 'The caller’s institution’s instruments, withdrawn ones too, newest first',
    query: instrumentMineQuery, response: instrumentListView,
    handler: async ({ query }, req) => myInstruments(await requireListingActor(req), query),
  });
  api.add({
    method: 'post', path: '/instrument-photos', tag: TAG, access: 'user', status: 201,
    summary: 'Upload an instrument photo (raw body: PNG or JPG, at most 5 MB, checked by content; file name in ?name=); the instrument then lists its id',
    before: [requireAuth(), express.raw({ type: [...INSTRUMENT_PHOTO_MIMES], limit: INSTRUMENT_PHOTO_MAX_BYTES })],
    query: instrumentPhotoQuery, body: attachmentUploadBody, response: instrumentPhotoView, errors: ['UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN'],
    handler: async ({ query, body }, req) => uploadInstrumentPhoto(await requireListingActor(req), { bytes: body, name: query.name, mime: req.get('content-type') ?? '' }, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/instruments/:id', tag: TAG, access: 'public',
    summary: 'An instrument (a withdrawn one only for its institution’s members)',
    params: idParams, response: instrumentView, errors: ['NOT_FOUND'],
    handler: async ({ params }, req) => getInstrument(await listingActor(req), params.id),
  });
  api.add({
    method: 'put', path: '/instruments/:id', tag: TAG, access: 'user',
    summary: 'A member of the instrument’s institution edits it (a withdrawn one is listed again)',
    params: idParams, body: instrumentInput, response: instrumentView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params, body }, req) => updateInstrument(await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/instruments/:id/withdraw', tag: TAG, access: 'user',
    summary: 'A member of the instrument’s institution withdraws it from the catalogue and from search',
    params: idParams, response: instrumentView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params }, req) => withdrawInstrument(await requireListingActor(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/instruments/:id/photos/:photoId', tag: TAG, access: 'public', raw: true,
    summary: 'A photo the instrument shows (image)',
    params: instrumentPhotoParams,
    handler: async ({ params }, req, res) => {
      const file = await openInstrumentPhoto(await listingActor(req), params.id, params.photoId);
      res.type(file.mime);
      res.set('Cache-Control', 'public, max-age=300');
      res.set('X-Content-Type-Options', 'nosniff');
      await new Promise<void>((resolve, reject) => {
        res.sendFile(file.path, (err) => (err && !res.headersSent ? reject(createError('NOT_FOUND')) : resolve()));
      });
    },
  });
}
