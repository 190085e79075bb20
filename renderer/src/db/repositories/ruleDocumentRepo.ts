import { checkAttachment } from '@shared/domain/attachment';
import { isLive, stamp } from '@shared/domain/record';
import { validateRuleDocument, type RuleDocument } from '@shared/domain/ruleDocument';
import { cleanText } from '@shared/domain/validation';
import { assertValid, InputError } from '../errors';
import type { EcoDeskDb } from '../schema';
import { attachmentBytes, attachmentOf } from '../attachments';
import { putAudited, recordAudit, writeContext } from '../writeContext';

export async function listRuleDocuments(db: EcoDeskDb): Promise<RuleDocument[]> {
  const docs = (await db.ruleDocuments.toArray()).filter(isLive);
  return docs.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
}

/**
 * Stores a rule document with its file, after checking type (by content), size and date.
 * The record and the bytes are written in one transaction.
 */
export async function addRuleDocument(
  db: EcoDeskDb,
  input: { title: string; issuedOn: string; file: { name: string; data: Uint8Array } },
): Promise<RuleDocument> {
  assertValid(validateRuleDocument(input));
  const checked = checkAttachment({
    name: input.file.name,
    size: input.file.data.byteLength,
    head: input.file.data.subarray(0, 16),
  });
  if (!checked.ok) throw new InputError([checked.issue]);
  return db.transaction(
    'rw',
    [db.ruleDocuments, db.attachments, db.audit, db.settings],
    async () => {
      const ctx = await writeContext(db);
      const attachmentId = ctx.newId();
      await db.attachments.add(attachmentOf(attachmentId, input.file.data, checked.mime));
      const doc = stamp<RuleDocument>(
        {
          title: cleanText(input.title),
          issuedOn: input.issuedOn,
          fileName: input.file.name,
          kind: checked.kind,
          mime: checked.mime,
          size: input.file.data.byteLength,
          attachmentId,
        },
        ctx,
      );
      await db.ruleDocuments.add(doc);
      await recordAudit(db, ctx, 'ruleDocuments', undefined, doc, doc.title);
      return doc;
    },
  );
}

/**
 * A stored file's bytes. One stored as a Blob is not read through the database: never call this
 * inside a transaction (Chromium would commit it early).
 */
export async function getAttachmentBytes(db: EcoDeskDb, attachmentId: string): Promise<Uint8Array> {
  const attachment = await db.attachments.get(attachmentId);
  if (!attachment) throw new InputError([{ field: 'file', message: '找不到这个文件的内容。' }]);
  return attachmentBytes(attachment);
}

/** Soft delete: the document leaves the list; its file is kept for the record. */
export async function deleteRuleDocument(db: EcoDeskDb, id: string): Promise<void> {
  await db.transaction('rw', db.ruleDocuments, db.audit, db.settings, async () => {
    const before = await db.ruleDocuments.get(id);
    if (!before || !isLive(before)) return;
    const ctx = await writeContext(db);
    const after = stamp<RuleDocument>(
      { ...before, deletedAt: ctx.now },
      { ...ctx, existing: before },
    );
    await putAudited(db, ctx, 'ruleDocuments', before, after, after.title);
  });
}
