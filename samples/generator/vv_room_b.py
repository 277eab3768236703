"""Body B's rooms: plain (bare floor and walls) or cluttered (today's furnished room plus shelves, boxes,
a chair, posters, a rug and a radiator), all kept behind or beside the person so nothing hides a leg."""
import vv_mesh as m
import vv_scene

ROOMS = ("a", "closed", "plain", "cluttered")


def build(kind, side_view=False):
    """side_view: the lunge's low side camera, which needs taller walls and a front wall (as vv_scene's closed
    room) and no chair between it and the person."""
    if kind in ("a", "closed"):
        return vv_scene.build_room(closed=kind == "closed" or side_view)
    if kind not in ROOMS:
        raise SystemExit(f"make_sample.py: no room '{kind}' (choose {', '.join(ROOMS)})")
    if kind == "plain":
        wall = m.material("wall_b", (0.78, 0.78, 0.8), 0.9)
        floor = m.material("floor_b", (0.55, 0.52, 0.48), 0.6)
        h = 4.5 if side_view else 3.0
        objs = [m.box("floor", (0, 0, -0.01), (8, 8, 0.02), floor),
                m.box("back_wall", (0, 2.6, h / 2), (8, 0.1, h), wall),
                m.box("left_wall", (-3.2, 0, h / 2), (0.1, 8, h), wall),
                m.box("right_wall", (3.2, 0, h / 2), (0.1, 8, h), wall)]
        if side_view:
            objs.append(m.box("front_wall", (0, -4.0, h / 2), (8, 0.1, h), wall))
        return objs
    objs = vv_scene.build_room(closed=side_view)  # the furnished room (door, picture, cabinet, plant), then more
    wood = m.material("shelf_wood", (0.5, 0.36, 0.22), 0.6)
    colours = [(0.7, 0.15, 0.1), (0.1, 0.4, 0.7), (0.85, 0.75, 0.2), (0.2, 0.55, 0.3), (0.9, 0.9, 0.9)]
    box_mats = [m.material(f"box_{i}", c, 0.7) for i, c in enumerate(colours)]
    for level in range(4):
        z = 0.35 + 0.45 * level
        objs.append(m.box(f"shelf_{level}", (0.5, 2.4, z), (1.0, 0.3, 0.03), wood))
        for j in range(4):
            h = 0.12 + 0.06 * ((level + j) % 3)
            objs.append(m.box(f"book_{level}_{j}", (0.15 + 0.22 * j, 2.42, z + 0.015 + h / 2), (0.09 + 0.03 * (j % 2), 0.22, h),
                              box_mats[(level * 3 + j) % len(box_mats)]))
    objs.append(m.box("radiator", (-0.6, 2.5, 0.45), (0.9, 0.08, 0.55), m.material("radiator", (0.92, 0.92, 0.9), 0.4)))
    for i, (x, z, c) in enumerate(((-0.8, 1.75, (0.8, 0.3, 0.5)), (2.55, 1.6, (0.2, 0.6, 0.8)))):
        objs.append(m.box(f"poster_{i}", (x, 2.54, z), (0.5, 0.02, 0.7), m.material(f"poster_{i}", c, 0.8)))
    chair = m.material("chair", (0.15, 0.15, 0.17), 0.5)
    # a right-side lunge camera stands at x = -2.9: the chair moves back out of its view of the legs
    cy = 1.6 if side_view else 0.5
    objs.append(m.box("chair_seat", (-2.2, cy, 0.45), (0.45, 0.45, 0.05), chair))
    objs.append(m.box("chair_back", (-2.2, cy + 0.22, 0.75), (0.45, 0.04, 0.6), chair))
    for dx in (-0.2, 0.2):
        for dy in (-0.2, 0.2):
            objs.append(m.box("chair_leg", (-2.2 + dx, cy + dy, 0.22), (0.03, 0.03, 0.45), chair))
    objs.append(m.box("rug", (1.9, 0.6, 0.002), (1.4, 1.0, 0.004), m.material("rug", (0.6, 0.2, 0.15), 0.9)))
    objs.append(m.box("stripe", (1.9, 0.6, 0.005), (1.4, 0.15, 0.004), m.material("rug_stripe", (0.9, 0.8, 0.5), 0.9)))
    objs.append(m.box("crate", (2.2, 1.6, 0.2), (0.5, 0.4, 0.4), box_mats[2]))
    objs.append(m.ellipsoid("ball", (-1.6, 1.9, 0.12), (0.12, 0.12, 0.12), box_mats[0]))
    return objs
