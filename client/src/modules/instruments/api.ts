import type { InstrumentCategory, InstrumentInput, InstrumentListView, InstrumentPhotoView, InstrumentSearchResponse, InstrumentView } from '@kezhuan/shared';
import { api } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);

export interface InstrumentSearch {
  q?: string;
  category?: InstrumentCategory[];
  city?: string[];
  org?: string[];
  page: number;
  pageSize: number;
}

/** Large-instrument sharing: search, one instrument, the institution's own, photos. */
export const instrumentApi = {
  search: (q: InstrumentSearch) => api.get<InstrumentSearchResponse>('/instruments', { ...q }),
  get: (iid: string) => api.get<InstrumentView>(`/instruments/${id(iid)}`),
  mine: (page = 1, pageSize = 50) => api.get<InstrumentListView>('/me/instruments', { page, pageSize }),
  create: (input: InstrumentInput) => api.post<InstrumentView>('/instruments', input),
  update: (iid: string, input: InstrumentInput) => api.put<InstrumentView>(`/instruments/${id(iid)}`, input),
  withdraw: (iid: string) => api.post<InstrumentView>(`/instruments/${id(iid)}/withdraw`),
  photoUrl: (iid: string, photoId: string) => `/api/instruments/${id(iid)}/photos/${id(photoId)}`,
  uploadPhoto: (file: File) => api.upload<InstrumentPhotoView>('/instrument-photos', file, { name: file.name }),
};
