import AddPhotoIcon from '@mui/icons-material/AddAPhotoOutlined';
import CloseIcon from '@mui/icons-material/Close';
import {
  Box,
  Button,
  ButtonBase,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
} from '@mui/material';
import { useState } from 'react';
import type { PhotoRef } from '@shared/domain/assessment';
import { AttachmentImage } from '../../components/AttachmentImage';
import { ASSESSMENT } from './strings';

/** A cell's site photos as thumbnails; click to see one full size. */
export function PhotoStrip(props: {
  photos: PhotoRef[];
  readOnly: boolean;
  onAdd: () => void;
  /** Without it, photos can be added but not removed (kept as evidence). */
  onRemove?: (photo: PhotoRef) => void;
}) {
  const [open, setOpen] = useState<PhotoRef | null>(null);
  return (
    <Box
      sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
      data-testid="photo-strip"
    >
      {props.photos.map((photo) => (
        <Box key={photo.attachmentId} sx={{ position: 'relative' }}>
          <ButtonBase
            onClick={() => setOpen(photo)}
            aria-label={ASSESSMENT.photos.open(photo.name)}
          >
            <AttachmentImage id={photo.thumbnailId} alt={photo.name} size={96} />
          </ButtonBase>
          {!props.readOnly && props.onRemove ? (
            <IconButton
              size="small"
              aria-label={ASSESSMENT.photos.remove(photo.name)}
              onClick={() => props.onRemove?.(photo)}
              sx={{
                position: 'absolute',
                top: -10,
                right: -10,
                bgcolor: 'background.paper',
                border: 1,
                borderColor: 'divider',
                '&:hover': { bgcolor: 'background.paper' },
              }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          ) : null}
        </Box>
      ))}
      {!props.readOnly ? (
        <Button variant="outlined" startIcon={<AddPhotoIcon />} onClick={props.onAdd}>
          {ASSESSMENT.photos.add}
        </Button>
      ) : null}
      <Dialog open={open !== null} onClose={() => setOpen(null)} maxWidth="lg">
        <DialogTitle>{open?.name}</DialogTitle>
        <DialogContent>
          {open ? <AttachmentImage id={open.attachmentId} alt={open.name} /> : null}
        </DialogContent>
      </Dialog>
    </Box>
  );
}
