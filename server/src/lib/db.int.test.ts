import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../testing/harness';
import { dbFlavour, flavourOf } from './db';

useTestDb();

const Counter = mongoose.model('ConcurrencyCounter', new Schema({ n: Number, a: String, b: String, owner: String }));

describe('concurrent writers on one document', () => {
  it('keeps every $inc, both $set fields and exactly one winner of a guarded update', async () => {
    const doc = await Counter.create({ n: 0, a: '', b: '', owner: '' });
    await Promise.all(Array.from({ length: 40 }, () => Counter.updateOne({ _id: doc._id }, { $inc: { n: 1 } })));
    await Promise.all([Counter.updateOne({ _id: doc._id }, { $set: { a: 'x' } }), Counter.updateOne({ _id: doc._id }, { $set: { b: 'y' } })]);
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => Counter.updateOne({ _id: doc._id, owner: '' }, { $set: { owner: `w${i}` } })),
    );
    const after = await Counter.findById(doc._id).lean();
    expect(after).toMatchObject({ n: 40, a: 'x', b: 'y' });
    expect(claims.filter((c) => c.modifiedCount === 1)).toHaveLength(1);
  });
});

describe('the database server', () => {
  it('tells FerretDB v1, FerretDB 2 and MongoDB apart by buildInfo', () => {
    expect(flavourOf({ version: '7.0.42', ferretdbVersion: 'unknown' })).toBe('ferretdb-v1');
    expect(flavourOf({ version: '7.0.77', ferretdb: { version: 'v2.7.0', package: 'embedded' } })).toBe('ferretdb-v2');
    expect(flavourOf({ version: '8.0.4' })).toBe('mongodb');
  });

  it('keeps the one-connection rule for FerretDB v1 only', async () => {
    const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
    expect(dbFlavour()).toBe(flavourOf(info));
    const pool = mongoose.connection.getClient().options.maxPoolSize;
    expect(pool === 1).toBe(dbFlavour() === 'ferretdb-v1');
  });
});
