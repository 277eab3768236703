// --dump-stages (diagnostic): exposes three of the web graph's internal streams to the page, by
// rewriting the listener list of the package's pose.js as it is served. pose_web.binarypb already
// names them as outputs of its PoseLandmarkGpu node: DETECTION:pose_detection (the detection the ROI
// came from, after NMS and letterbox removal), ROI_FROM_DETECTION:pose_rect_from_detection and
// ROI_FROM_LANDMARKS:pose_rect_from_landmarks (the ROI for the next frame). Nothing in the graph
// changes; the solution only hands the extra packets to onResults as serialized protos.
import { decodeDetection, decodeNormalizedRect } from './stage-protos.mjs';

const WANTS = 'wants:["pose_landmarks","world_landmarks","segmentation_mask","image_transformed"]';
const OUTS = 'outs:{image:{type:"texture",stream:"image_transformed"}';

export function exposeStages(poseJs) {
  if (!poseJs.includes(WANTS) || !poseJs.includes(OUTS)) {
    throw new Error('pose.js: listener configuration not found; --dump-stages knows only @mediapipe/pose 0.5.1675469404');
  }
  return poseJs
    .replace(WANTS, 'wants:["pose_landmarks","world_landmarks","segmentation_mask","image_transformed","pose_detection","pose_rect_from_detection","pose_rect_from_landmarks"]')
    .replace(OUTS, 'outs:{poseDetection:{type:"proto",stream:"pose_detection"},poseRectFromDetection:{type:"proto",stream:"pose_rect_from_detection"},' +
      'poseRectFromLandmarks:{type:"proto",stream:"pose_rect_from_landmarks"},image:{type:"texture",stream:"image_transformed"}');
}

export function stagesHeader() {
  return ['frame', 'timestamp_ms', 'detector_ran', 'det_score', 'det_xmin', 'det_ymin', 'det_width', 'det_height',
    'kp0_x', 'kp0_y', 'kp1_x', 'kp1_y', 'kp2_x', 'kp2_y', 'kp3_x', 'kp3_y',
    'roi_det_xc', 'roi_det_yc', 'roi_det_w', 'roi_det_h', 'roi_det_rot',
    'roi_next_xc', 'roi_next_yc', 'roi_next_w', 'roi_next_h', 'roi_next_rot'].join(',');
}

// Normalised values as MediaPipe holds them (float32), printed with 7 significant digits.
export function stagesRow(index, timestampUs, stages) {
  const cells = [index, (timestampUs / 1000).toFixed(3)];
  const num = (v) => Number(v).toPrecision(7);
  for (const value of Object.values(stages)) {
    if (typeof value === 'string') throw new Error(`frame ${index}: ${value}`);
  }
  if (stages.poseDetection) {
    const d = decodeDetection(Uint8Array.from(stages.poseDetection));
    cells.push(1, num(d.score), num(d.box.xmin), num(d.box.ymin), num(d.box.width), num(d.box.height));
    for (let k = 0; k < 4; k++) cells.push(num(d.keypoints[k]?.x ?? NaN), num(d.keypoints[k]?.y ?? NaN));
  } else {
    cells.push(0, ...Array(13).fill(''));
  }
  for (const key of ['poseRectFromDetection', 'poseRectFromLandmarks']) {
    if (stages[key]) {
      const r = decodeNormalizedRect(Uint8Array.from(stages[key]));
      cells.push(num(r.xCenter), num(r.yCenter), num(r.width), num(r.height), num(r.rotation));
    } else {
      cells.push('', '', '', '', '');
    }
  }
  return cells.join(',');
}
