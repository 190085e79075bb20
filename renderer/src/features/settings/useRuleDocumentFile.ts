import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from '@shared/domain/attachment';
import type { RuleDocument } from '@shared/domain/ruleDocument';
import { actions } from '../../db/actions';
import { platform } from '../../platform';

const FILTERS = [
  {
    name: '制度文件（PDF、Word、图片）',
    extensions: Object.values(ATTACHMENT_KINDS).flatMap((kind) => [...kind.extensions]),
  },
];

/** Choosing a document's file and saving a stored one elsewhere, through the platform port. */
export const ruleDocumentFiles = {
  choose: () => platform.openFile({ filters: FILTERS, maxBytes: MAX_ATTACHMENT_BYTES }),
  async saveAs(doc: RuleDocument) {
    const data = await actions.getAttachmentBytes(doc.attachmentId);
    return platform.saveFile({ suggestedName: doc.fileName, data });
  },
};
