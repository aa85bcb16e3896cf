import { meView, profileUpdateInput } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { UserModel } from './user.model';
import { presentMe } from './user.presenter';

export function userRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/users/me', tag: 'users', access: 'user',
    summary: 'My account', response: meView,
    handler: (_in, req) => presentMe(currentUser(req)),
  });
  api.add({
    method: 'patch', path: '/users/me', tag: 'users', access: 'user',
    summary: 'Update my profile (name, title, bio, language; never role or organisation)',
    body: profileUpdateInput, response: meView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      // Only the whitelisted fields of the parsed body reach $set.
      const updated = await UserModel.findByIdAndUpdate(user._id, { $set: body }, { new: true, runValidators: true });
      return presentMe(updated ?? user);
    },
  });
}
