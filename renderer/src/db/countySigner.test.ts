import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedFields, entryActionLabel } from '@shared/domain/audit';
import { fieldLabel } from '@shared/handoff/fieldLabels';
import { createActions } from './actions';
import { listAudit } from './repositories/auditRepo';
import { COUNTY_SIGNER_KEY, countySigner } from './repositories/countyFeedbackRepo';
import { EcoDeskDb } from './schema';
import { endSession } from './session';

/**
 * The county's key on a town's PC, on Chromium's real IndexedDB: registered once (trust on first
 * use), re-registered when the county got a new PC — only with a reason and the right that
 * registering needs, recorded — and the old key refused afterwards, saying so.
 */

let db: EcoDeskDb;
let act: ReturnType<typeof createActions>;
let counter = 0;
const PASSWORD = 'qingshan2026';
const OLD = { townName: '青山镇', publicKey: 'aa', fingerprint: 'OLD-KEY' };
const NEW = { townName: '青山镇', publicKey: 'bb', fingerprint: 'NEW-KEY' };

beforeEach(async () => {
  endSession();
  counter += 1;
  db = new EcoDeskDb(`county-signer-${counter}`);
  await db.open();
  act = createActions(db);
  await act.completeSetup({
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['东村'],
    password: PASSWORD,
    repeat: PASSWORD,
  });
});
afterEach(async () => {
  endSession();
  db.close();
  await Dexie.delete(db.name);
});

const signerEntries = async () =>
  (await listAudit(db, { table: 'settings' })).filter((e) => e.recordId === COUNTY_SIGNER_KEY);

describe("the county's key on a town's PC", () => {
  it('re-registers the county’s new key only with a reason and the right, keeps the old one, and refuses what it signs', async () => {
    expect(await act.checkFeedbackSigner(OLD)).toEqual({ kind: 'unregistered' });
    await act.registerCountySigner({ county: '绿水县', publicKey: 'aa', fingerprint: 'OLD-KEY' });
    expect(await act.checkFeedbackSigner(OLD)).toMatchObject({ kind: 'registered' });

    // The county's new PC: another key, refused, and registering it is not the way.
    expect(await act.checkFeedbackSigner(NEW)).toMatchObject({
      kind: 'wrongKey',
      signer: { fingerprint: 'OLD-KEY' },
    });
    await expect(
      act.registerCountySigner({ county: '绿水县', publicKey: 'bb', fingerprint: 'NEW-KEY' }),
    ).rejects.toThrow('县里换了电脑时，请用“县里换了电脑，更换县级密钥…”');
    await expect(act.rekeyCountySigner({ ...NEW, reason: '  ' })).rejects.toThrow(
      '请写明为什么更换县级密钥',
    );
    await expect(act.rekeyCountySigner({ ...OLD, reason: '重新登记' })).rejects.toThrow(
      '这就是本机现在登记的县级密钥，不需要更换。',
    );
    // 领导 has no 整改台账的录入和推进, the right registering needs: refused by name.
    await act.addAccount({
      name: '李镇长',
      roles: ['leader'],
      password: 'first-pass',
      repeat: 'first-pass',
    });
    endSession();
    await act.signIn('李镇长', 'first-pass');
    await expect(act.rekeyCountySigner({ ...NEW, reason: '县里换了电脑' })).rejects.toThrow(
      '没有“整改台账的录入和推进”的权限',
    );
    expect((await countySigner(db))!.fingerprint).toBe('OLD-KEY');
    expect((await signerEntries()).map((e) => e.action)).toEqual(['create']);

    endSession();
    await act.signIn('张环保', PASSWORD);
    const after = await act.rekeyCountySigner({ ...NEW, reason: '县里旧电脑硬盘损坏' });
    expect(after).toMatchObject({
      county: '绿水县',
      publicKey: 'bb',
      fingerprint: 'NEW-KEY',
      registeredBy: '张环保',
    });
    expect(after.previousKeys.map(({ until, ...k }) => ({ ...k, dated: until > '2026' }))).toEqual([
      { fingerprint: 'OLD-KEY', by: '张环保', reason: '县里旧电脑硬盘损坏', dated: true },
    ]);
    expect(await countySigner(db)).toEqual(after);

    // The new key is the county's now; the old one is refused as the county's old key, with
    // when and by whom it was replaced, and cannot be registered back.
    expect(await act.checkFeedbackSigner(NEW)).toMatchObject({ kind: 'registered' });
    expect(await act.checkFeedbackSigner(OLD)).toEqual({
      kind: 'retiredKey',
      signer: after,
      retired: after.previousKeys[0],
    });
    await expect(act.rekeyCountySigner({ ...OLD, reason: '换回旧电脑' })).rejects.toThrow(
      '这是县里更换电脑前用过的旧密钥，不能换回。',
    );
    // A third PC later is another new key, offered again.
    expect(
      await act.checkFeedbackSigner({ townName: '青山镇', publicKey: 'cc', fingerprint: 'THIRD' }),
    ).toMatchObject({ kind: 'wrongKey' });

    // The history: who, when and why, as the history screen names it.
    const entries = await signerEntries();
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update']);
    const rekey = entries.find((e) => e.action === 'update')!;
    expect(rekey).toMatchObject({
      actor: '张环保',
      label: '绿水县的签名指纹：OLD-KEY → NEW-KEY',
      reason: '已与县里核对新的签名指纹；县里旧电脑硬盘损坏',
    });
    expect(rekey.at).toBe(after.previousKeys[0]!.until);
    expect(entryActionLabel(rekey)).toBe('更换县级密钥');
    expect(changedFields(rekey.before, rekey.after).map((f) => fieldLabel('settings', f))).toEqual([
      '签名指纹',
      '此前的密钥',
      '签名公钥',
    ]);
  });

  it('reads a registration of before (without previous keys) and re-keys it', async () => {
    await db.settings.put({
      key: COUNTY_SIGNER_KEY,
      value: {
        county: '绿水县',
        publicKey: 'aa',
        fingerprint: 'OLD-KEY',
        registeredAt: '2026-11-01T02:00:00.000Z',
        registeredBy: '张环保',
      },
    });
    expect((await countySigner(db))!.previousKeys).toEqual([]);
    expect(await act.checkFeedbackSigner(NEW)).toMatchObject({ kind: 'wrongKey' });
    const after = await act.rekeyCountySigner({ ...NEW, reason: '县里换了电脑' });
    expect(after.previousKeys.map((k) => k.fingerprint)).toEqual(['OLD-KEY']);
  });

  it('has nothing to re-key before the county’s key was registered', async () => {
    await expect(act.rekeyCountySigner({ ...NEW, reason: '县里换了电脑' })).rejects.toThrow(
      '本机还没有登记县里的签名指纹，不需要更换',
    );
    expect(await countySigner(db)).toBeNull();
  });
});
