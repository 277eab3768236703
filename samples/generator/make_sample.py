"""Renders one sample clip (single-leg squat or side-view lunge, body A or B) with exact ground truth.

Run headless (Blender 3.4, Debian's package):
  nice -n 10 blender -b --factory-startup --python samples/generator/make_sample.py -- \
      --name sls-left-valgus15 --stance left --valgus-deg 15

Writes <out>/<name>.mp4 (H.264, 1280x720, 30 fps) and <out>/<name>.truth.csv (one row per frame), and
prints a summary line with the visible-versus-true check. See samples/README.md."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bpy  # noqa: E402
from bpy_extras.object_utils import world_to_camera_view  # noqa: E402
import mathutils  # noqa: E402

import vv_body  # noqa: E402
import vv_body_b  # noqa: E402
import vv_camera  # noqa: E402
import vv_figure  # noqa: E402
import vv_figure_b  # noqa: E402
import vv_lunge_pose  # noqa: E402
import vv_lunge_timeline  # noqa: E402
import vv_lunge_truth  # noqa: E402
import vv_room_b  # noqa: E402
import vv_scene  # noqa: E402
import vv_squat_pose  # noqa: E402
import vv_timeline  # noqa: E402
import vv_truth_rows  # noqa: E402
import vv_vec as v  # noqa: E402

PALETTES = {
    "a": {"skin": (0.62, 0.42, 0.32), "shirt": (0.1, 0.25, 0.6), "shorts": (0.06, 0.06, 0.07),
          "hair": (0.08, 0.05, 0.03)},
    "b": {"skin": (0.45, 0.28, 0.19), "shirt": (0.6, 0.12, 0.1), "shorts": (0.1, 0.12, 0.2),
          "hair": (0.03, 0.02, 0.02)},
}
CAMERA_HEIGHTS_M = {"hip": 0.95, "chest": 1.3}


def parse(argv):
    p = argparse.ArgumentParser(prog="make_sample.py", description=__doc__)
    p.add_argument("--name", required=True)
    p.add_argument("--out-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    p.add_argument("--exercise", choices=["sls", "lunge"], default="sls",
                   help="sls: frontal single-leg squat; lunge: side-view weight-bearing lunge (knee to wall)")
    p.add_argument("--stance", choices=["left", "right"], required=True,
                   help="stance leg (sls) or tested front leg (lunge)")
    p.add_argument("--valgus-deg", type=float, default=2.0,
                   help="true stance-knee FPPA at each rep's bottom, as seen by the same camera at yaw 0")
    p.add_argument("--hip-shift-pct", type=float, default=4.0, help="extra lateral hip shift at the bottom")
    p.add_argument("--pelvic-drop-deg", type=float, default=3.0)
    p.add_argument("--knee-flexion-deg", type=float, default=65.0)
    p.add_argument("--foot-roll-deg", type=float, default=0.0, help="stance foot rolled in at the bottom")
    p.add_argument("--tibia-deg", type=float, default=40.0, help="lunge: peak tibial inclination of the tested leg")
    p.add_argument("--heel-lift-attempt", type=int, default=0, choices=[0, 1, 2, 3],
                   help="lunge: the attempt (1-3) in which the tested heel rises; 0 = none")
    p.add_argument("--yaw-deg", type=float, default=0.0,
                   help="camera yaw; + moves it to the person's left (lunge: added to the side view's 90)")
    p.add_argument("--camera-height", default=None,
                   help="hip | chest | metres (default: hip for sls, 0.35 m - a phone near the floor - for lunge)")
    p.add_argument("--body", choices=["a", "b"], default="a",
                   help="a: rigid surfaces of revolution on a kinematic rig; b: one skinned, lofted mesh with soft "
                        "tissue on an armature (vv_figure_b)")
    p.add_argument("--shape", choices=sorted(vv_body.SHAPES), default="a", help="body a's shape")
    p.add_argument("--build", choices=sorted(vv_body_b.BUILDS), default="female", help="body b's build")
    p.add_argument("--mass", choices=sorted(vv_body_b.MASSES), default="light", help="body b's soft-tissue mass")
    p.add_argument("--skin", choices=sorted(vv_body_b.SKIN_TONES), default="medium", help="body b's skin tone")
    p.add_argument("--clothes", choices=["shorts", "trousers", "leggings"], default="shorts",
                   help="shorts | trousers (long, loose) | leggings (body b only)")
    p.add_argument("--room", choices=list(vv_room_b.ROOMS), default="a",
                   help="a: the furnished room; closed: the same with taller walls (wide lenses); plain: bare walls; "
                        "cluttered: furnished plus shelves, posters, chair")
    p.add_argument("--noise", type=float, default=0.0,
                   help="render noise: temporal Gaussian-like sensor noise strength (ffmpeg noise filter, 0-100)")
    p.add_argument("--resolution", default="1280x720", help="frame size WIDTHxHEIGHT (sls only)")
    p.add_argument("--lens-mm", type=float, default=30.0,
                   help="sls camera's focal length (36 mm sensor width); shorter = the person smaller in the frame")
    p.add_argument("--engine", choices=["workbench", "eevee"], default="workbench",
                   help="colour pass renderer (eevee: nicer, ~10x slower on software OpenGL)")
    p.add_argument("--samples", type=int, default=8, help="anti-aliasing samples per pixel")
    p.add_argument("--frames", default="all", help="all | FIRST-LAST (a quick look; no video then)")
    p.add_argument("--crf", type=int, default=20)
    p.add_argument("--keep-frames", action="store_true")
    p.add_argument("--work-dir", default=None,
                   help="folder for the rendered frames (kept); frames already there are reused (resume)")
    return p.parse_args(argv)


def camera_height_m(text):
    if text in CAMERA_HEIGHTS_M:
        return CAMERA_HEIGHTS_M[text]
    try:
        return float(text)
    except ValueError:
        raise SystemExit(f"make_sample.py: --camera-height '{text}' is not hip, chest or a height in metres")


def make_camera(yaw_deg, height_m, lens_mm=30.0, resolution=(1280, 720)):
    # 3.6 m away with a 30 mm lens: the whole person fills about nine tenths of the frame's height. A shorter
    # lens at a higher resolution is the same camera zoomed out: its centre crop is the 30 mm view.
    return vv_camera.orbit_camera(yaw_deg, height_m, 3.6, 0.88, lens_mm, resolution[0], resolution[1])


def parse_resolution(text):
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"make_sample.py: --resolution '{text}' is not WIDTHxHEIGHT")
    if w <= 0 or h <= 0 or w % 2 or h % 2:
        raise SystemExit(f"make_sample.py: --resolution '{text}' needs even, positive sizes")
    return w, h


def solve_valgus_rotation(body, motion, camera, target_deg):
    """Bisection for the knee's rotation about the hip-ankle axis that gives the target FPPA at the bottom."""
    def fppa(rotation):
        trial = vv_squat_pose.SquatMotion(**{**motion.__dict__, "valgus_rotation_deg": rotation})
        pose = vv_squat_pose.body_pose(body, trial, 1.0, 1.0)
        return vv_truth_rows.stance_fppa(pose, camera, motion.stance)

    lo, hi = -45.0, 85.0
    if not fppa(lo) <= target_deg <= fppa(hi):
        raise SystemExit(f"make_sample.py: --valgus-deg {target_deg} is out of reach (range {fppa(lo):.1f} to "
                         f"{fppa(hi):.1f} deg for this figure)")
    for _ in range(60):
        mid = (lo + hi) / 2
        if fppa(mid) < target_deg:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def check_projection(camera, cam_obj, points):
    """Our pinhole must agree with Blender's own projection, or the truth would not be the image."""
    scene = bpy.context.scene
    worst = 0.0
    for p in points:
        ndc = world_to_camera_view(scene, cam_obj, mathutils.Vector(p))
        bx, by = ndc.x * camera.width_px, (1.0 - ndc.y) * camera.height_px
        ox, oy = camera.project(p)
        worst = max(worst, abs(bx - ox), abs(by - oy))
    if worst > 0.01:
        raise SystemExit(f"make_sample.py: camera model differs from Blender's by {worst:.3f} px")
    return worst


def colour_objects(figure):
    for obj in bpy.data.objects:
        obj.color = (0.0, 0.0, 0.0, 1.0)
    for obj in figure.leg_objects("left"):
        obj.color = (1.0, 0.0, 0.0, 1.0)
    for obj in figure.leg_objects("right"):
        obj.color = (0.0, 1.0, 0.0, 1.0)


def pixel_rect(camera, points, margin_px):
    xs, ys = [], []
    for p in points:
        x, y = camera.project(p)
        xs.append(x)
        ys.append(y)
    x0 = max(0, int(min(xs) - margin_px))
    y0 = max(0, int(min(ys) - margin_px))
    x1 = min(camera.width_px, int(max(xs) + margin_px))
    y1 = min(camera.height_px, int(max(ys) + margin_px))
    return (x0 - x0 % 2, y0 - y0 % 2, x1 - x1 % 2, y1 - y1 % 2)


def figure_points(pose, body):
    top = v.add(pose.head.origin, v.mul(pose.head.ez, 0.13 * body.scale))
    points = [top, pose.trunk.origin]
    for side in ("left", "right"):
        leg = getattr(pose, side)
        points += [leg.hip, leg.knee, leg.ankle, leg.heel, leg.toe, pose.shoulders[side], pose.elbows[side],
                   v.add(pose.wrists[side], v.mul(v.unit(v.sub(pose.wrists[side], pose.elbows[side])),
                                                 0.2 * body.scale))]
    return points


def leg_points(pose):
    return [getattr(getattr(pose, side), joint) for side in ("left", "right")
            for joint in ("hip", "knee", "ankle", "heel", "toe")]


def render_plate(scene, figure, samples, engine, path):
    for obj, _ in figure.parts:
        obj.hide_render = True
    vv_scene.set_colour_pass(scene, samples, engine)
    vv_scene.clear_border(scene)
    scene.render.filepath = path
    bpy.ops.render.render(write_still=True)
    for obj, _ in figure.parts:
        obj.hide_render = False


def read_mask_pixels(path, rect):
    import array
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    image = bpy.data.images.load(path, check_existing=False)
    if tuple(image.size) != (width, height):
        raise SystemExit(f"make_sample.py: mask {path} is {tuple(image.size)}, expected {(width, height)}")
    pixels = array.array("f", bytes(4 * width * height * 4))
    image.pixels.foreach_get(pixels)
    bpy.data.images.remove(image)
    return pixels


class SquatPlan:
    """What the single-leg squat needs: frontal camera, valgus solved for the chosen FPPA, a mask pass."""

    def __init__(self, args, body):
        height_m = camera_height_m(args.camera_height or "hip")
        self.camera = make_camera(args.yaw_deg, height_m, args.lens_mm, parse_resolution(args.resolution))
        base = vv_squat_pose.SquatMotion(stance=args.stance, peak_knee_flexion_deg=args.knee_flexion_deg,
                                         hip_shift_pct=args.hip_shift_pct, pelvic_drop_deg=args.pelvic_drop_deg,
                                         foot_roll_deg=args.foot_roll_deg)
        self.rotation = solve_valgus_rotation(body, base, make_camera(0.0, height_m), args.valgus_deg)
        self.motion = vv_squat_pose.SquatMotion(**{**base.__dict__, "valgus_rotation_deg": self.rotation})
        self.body, self.needs_mask = body, True
        self.frame_count = vv_timeline.frame_count()
        self.table = vv_truth_rows.TruthTable(args.stance, self.camera, self.pose_at)

    def pose_at(self, frame):
        st = vv_timeline.state(frame)
        return vv_squat_pose.body_pose(self.body, self.motion, st.lift, st.depth)

    def state_at(self, frame):
        return vv_timeline.state(frame)

    def pose_key(self, frame):
        st = vv_timeline.state(frame)
        return (round(st.lift, 12), round(st.depth, 12))

    def summary(self):
        return {"valgus_rotation_deg": self.rotation}


class LungePlan:
    """What the lunge needs: a side camera low near the floor on the tested side; no mask pass."""

    def __init__(self, args, body):
        height_m = camera_height_m(args.camera_height or "0.35")
        side_yaw = 90.0 if args.stance == "left" else -90.0
        # 2.9 m keeps the camera inside the room's side walls; 26 mm still shows head to feet.
        self.camera = vv_camera.orbit_camera(side_yaw + args.yaw_deg, height_m, 2.9, 0.8, 26.0,
                                             centre=(0.0, 0.2 * body.leg_m))
        self.motion = vv_lunge_pose.LungeMotion(args.stance, args.tibia_deg, args.heel_lift_attempt)
        self.body, self.needs_mask = body, False
        self.frame_count = vv_lunge_timeline.frame_count()
        standing_heel_z = getattr(self.pose_at(0), args.stance).heel[2]
        self.table = vv_lunge_truth.LungeTruthTable(args.stance, self.camera, standing_heel_z)

    def pose_at(self, frame):
        st = vv_lunge_timeline.state(frame)
        return vv_lunge_pose.lunge_pose(self.body, self.motion, st.progress, st.attempt)

    def state_at(self, frame):
        return vv_lunge_timeline.state(frame)

    def pose_key(self, frame):
        st = vv_lunge_timeline.state(frame)
        heel = st.attempt == self.motion.heel_lift_attempt and st.attempt != 0
        return (round(st.progress, 12), heel)

    def summary(self):
        return {}


def main():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    args = parse(argv)
    if args.body == "b":
        body_b = vv_body_b.make(args.build, args.mass)
        body = body_b.dims
    else:
        if args.clothes == "leggings":
            raise SystemExit("make_sample.py: --clothes leggings needs --body b")
        body = vv_body.dimensions(vv_body.SHAPES[args.shape])
    plan = SquatPlan(args, body) if args.exercise == "sls" else LungePlan(args, body)
    camera = plan.camera

    scene = bpy.context.scene
    vv_scene.clear()
    scene.render.resolution_x, scene.render.resolution_y = camera.width_px, camera.height_px
    scene.render.resolution_percentage = 100
    scene.render.fps = vv_timeline.FPS
    if args.room in ("a", "closed"):
        # closed: taller walls, for a wide lens that would otherwise look over them
        vv_scene.build_room(closed=not plan.needs_mask or args.room == "closed")
    else:
        vv_room_b.build(args.room, side_view=not plan.needs_mask)
    vv_scene.build_lights()
    # Workbench reads world.color (Eevee the nodes): black behind the mask pass; for the lunge, which has no
    # mask pass, a ceiling-like grey above the walls.
    scene.world.color = (0.0, 0.0, 0.0) if plan.needs_mask else (0.55, 0.55, 0.53)
    cam_obj = vv_scene.build_camera(camera)
    if args.body == "b":
        figure = vv_figure_b.FigureB(body_b, args.clothes, vv_body_b.SKIN_TONES[args.skin])
    else:
        figure = vv_figure.Figure(body, args.clothes, PALETTES[args.shape])
    colour_objects(figure)

    n = plan.frame_count
    if args.frames == "all":
        frames = range(n)
    else:
        first, last = (int(x) for x in args.frames.split("-"))
        frames = range(first, min(last, n - 1) + 1)
    poses = [plan.pose_at(f) for f in range(n)]
    person_rect = pixel_rect(camera, [p for pose in poses for p in figure_points(pose, body)], 80)
    legs_rect = pixel_rect(camera, [p for pose in poses for p in leg_points(pose)], 60)
    work = args.work_dir or tempfile.mkdtemp(prefix=f"vv-{args.name}-")
    os.makedirs(work, exist_ok=True)
    started = time.time()
    # The room does not move: render it once without the person, then only the person's rectangle per frame.
    plate = os.path.join(work, "plate.png")
    if not os.path.exists(plate):
        render_plate(scene, figure, args.samples, args.engine, plate)
    proj_err = check_projection(camera, cam_obj, [poses[0].left.knee, poses[0].right.ankle, poses[0].head.origin])
    # Two loops, not one: switching engines every frame makes Eevee rebuild its shaders.
    vv_scene.set_colour_pass(scene, args.samples, args.engine)
    vv_scene.set_border(scene, person_rect, camera.width_px, camera.height_px)
    # Identical poses (the still frames, the three reps, the way up mirroring the way down) render to identical
    # images: render each pose once and copy it.
    rendered = {}
    for i, frame in enumerate(frames):
        key = plan.pose_key(frame)
        path = os.path.join(work, f"p{frame:04d}.png")
        if key in rendered:
            shutil.copyfile(rendered[key], path)
        elif not os.path.exists(path):
            figure.apply(poses[frame])
            scene.render.filepath = path
            bpy.ops.render.render(write_still=True)
        rendered.setdefault(key, path)
        print(f"colour frame {frame} done, {(time.time() - started) / (i + 1):.1f} s/frame", flush=True)
    colour_s = time.time() - started
    if plan.needs_mask:
        vv_scene.set_mask_pass(scene)
        if args.body == "b":
            # one mesh for the whole person: the legs are told apart by their materials, not objects
            scene.display.shading.color_type = "MATERIAL"
            figure.set_mask_colours()
        vv_scene.set_border(scene, legs_rect, camera.width_px, camera.height_px)
        mask_path = os.path.join(work, "mask.exr")
        scene.render.filepath = mask_path
    masks, truth_poses = {}, {}
    for frame in frames:
        if plan.needs_mask:
            key = plan.pose_key(frame)
            if key not in masks:
                figure.apply(poses[frame])
                bpy.ops.render.render(write_still=True)
                masks[key] = read_mask_pixels(mask_path, legs_rect)
            # body b: the joint centres of the truth are the posed armature's bone heads
            truth_pose = figure.armature_pose(poses[frame]) if args.body == "b" else poses[frame]
            plan.table.add(plan.state_at(frame), truth_pose, masks[key], legs_rect)
            print(f"mask frame {frame} done", flush=True)
        else:
            key = plan.pose_key(frame)
            if key not in truth_poses:
                truth_poses[key] = figure.armature_pose(poses[frame]) if args.body == "b" else poses[frame]
            plan.table.add(plan.state_at(frame), truth_poses[key])

    os.makedirs(args.out_dir, exist_ok=True)
    plan.table.write(os.path.join(args.out_dir, f"{args.name}.truth.csv"))
    summary = plan.table.summary()
    summary.update(plan.summary())
    summary["projection_check_px"] = proj_err
    summary["person_rect"] = "x".join(str(c) for c in person_rect)
    summary["colour_seconds_per_frame"] = colour_s / len(frames)
    summary["seconds_per_frame"] = (time.time() - started) / len(frames)
    if args.frames == "all":
        video = os.path.join(args.out_dir, f"{args.name}.mp4")
        x0, y0 = person_rect[0], person_rect[1]
        noise = f",noise=alls={args.noise:g}:allf=t" if args.noise > 0 else ""
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-loop", "1", "-framerate", str(vv_timeline.FPS),
                        "-i", plate, "-framerate", str(vv_timeline.FPS), "-i", os.path.join(work, "p%04d.png"),
                        "-filter_complex", f"[0:v][1:v]overlay={x0}:{y0}:shortest=1{noise},format=yuv420p",
                        "-c:v", "libx264", "-preset", "slow", "-crf", str(args.crf), "-r", str(vv_timeline.FPS),
                        "-movflags", "+faststart", video], check=True)
        summary["mp4_bytes"] = os.path.getsize(video)
    print("SUMMARY " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in summary.items()))
    if args.keep_frames or args.work_dir:
        print(f"frames kept in {work}")
    else:
        shutil.rmtree(work)


main()
