"""A plain room (floor, walls, skirting, a door, a picture, a cabinet, a plant), soft lighting, the camera
and the render settings for the colour pass (Eevee) and the limb mask pass (Workbench)."""
import bpy
import mathutils

import vv_mesh as m


def clear():
    for obj in list(bpy.data.objects):
        bpy.data.objects.remove(obj, do_unlink=True)


def build_room(closed=False):
    """closed: taller walls and a front wall, for the low side camera of the lunge, which would otherwise
    look over the walls. The frontal clips use the open room (closing it changes their cast shadows)."""
    wall = m.material("wall", (0.72, 0.7, 0.66), 0.9)
    floor = m.material("floor", (0.42, 0.3, 0.2), 0.55)
    trim = m.material("trim", (0.9, 0.9, 0.88), 0.6)
    door = m.material("door", (0.55, 0.42, 0.3), 0.5)
    frame = m.material("frame", (0.1, 0.1, 0.1), 0.4)
    canvas = m.material("canvas", (0.25, 0.45, 0.55), 0.8)
    cabinet = m.material("cabinet", (0.3, 0.32, 0.35), 0.6)
    pot = m.material("pot", (0.6, 0.35, 0.25), 0.7)
    leaves = m.material("leaves", (0.12, 0.3, 0.1), 0.7)
    wall_h = 4.5 if closed else 3.0
    objs = [
        m.box("floor", (0, 0, -0.01), (8, 8, 0.02), floor),
        m.box("back_wall", (0, 2.6, wall_h / 2), (8, 0.1, wall_h), wall),
        m.box("left_wall", (-3.2, 0, wall_h / 2), (0.1, 8, wall_h), wall),
        m.box("right_wall", (3.2, 0, wall_h / 2), (0.1, 8, wall_h), wall),
        m.box("skirting", (0, 2.54, 0.05), (8, 0.03, 0.1), trim),
        m.box("door", (-1.7, 2.54, 1.02), (0.9, 0.04, 2.04), door),
        m.box("door_frame", (-1.7, 2.545, 1.06), (1.02, 0.03, 2.12), trim),
        m.box("picture_frame", (1.4, 2.54, 1.65), (0.8, 0.03, 0.6), frame),
        m.box("picture", (1.4, 2.52, 1.65), (0.7, 0.02, 0.5), canvas),
        m.box("cabinet", (2.4, 2.3, 0.45), (0.8, 0.45, 0.9), cabinet),
        m.ellipsoid("pot", (-2.6, 2.2, 0.2), (0.18, 0.18, 0.2), pot),
        m.ellipsoid("plant", (-2.6, 2.2, 0.65), (0.3, 0.3, 0.4), leaves),
    ]
    if closed:
        objs.append(m.box("front_wall", (0, -4.0, wall_h / 2), (8, 0.1, wall_h), wall))
    # door_frame sits behind the door so only its border shows
    bpy.data.objects["door_frame"].location.y += 0.01
    return objs


def build_lights():
    def area(name, location, target, size, power, shadow=False):
        data = bpy.data.lights.new(name, "AREA")
        data.size = size
        data.energy = power
        data.use_shadow = shadow
        obj = bpy.data.objects.new(name, data)
        obj.location = location
        direction = mathutils.Vector(target) - mathutils.Vector(location)
        obj.rotation_euler = direction.to_track_quat("-Z", "Y").to_euler()
        bpy.context.scene.collection.objects.link(obj)

    # Only the key light casts shadows: each shadow-casting light costs a shadow map per sample, and the
    # colour pass runs on software OpenGL here.
    area("key", (0.5, -3.2, 3.2), (0, 0, 1.0), 2.5, 420, shadow=True)
    area("fill", (-2.5, -2.0, 1.8), (0, 0, 1.0), 3.0, 160)
    area("top", (0, 0.5, 2.9), (0, 0.5, 0), 2.0, 100)
    world = bpy.data.worlds.new("world") if bpy.context.scene.world is None else bpy.context.scene.world
    bpy.context.scene.world = world
    world.use_nodes = True
    world.node_tree.nodes["Background"].inputs["Color"].default_value = (0.35, 0.35, 0.37, 1.0)
    world.node_tree.nodes["Background"].inputs["Strength"].default_value = 0.45


def build_camera(cam_model):
    data = bpy.data.cameras.new("camera")
    data.lens = cam_model.focal_mm
    data.sensor_fit = "HORIZONTAL"
    data.sensor_width = cam_model.sensor_width_mm
    data.clip_start = 0.1
    data.clip_end = 30.0
    obj = bpy.data.objects.new("camera", data)
    r, u, f = cam_model.right, cam_model.up, cam_model.forward
    p = cam_model.position
    # Blender cameras look down their local -z with +y up.
    obj.matrix_world = mathutils.Matrix((
        (r[0], u[0], -f[0], p[0]),
        (r[1], u[1], -f[1], p[1]),
        (r[2], u[2], -f[2], p[2]),
        (0, 0, 0, 1)))
    bpy.context.scene.collection.objects.link(obj)
    bpy.context.scene.camera = obj
    return obj


def set_colour_pass(scene, samples, engine):
    if engine == "workbench":
        _set_workbench_colour(scene, samples)
        return
    scene.render.engine = "BLENDER_EEVEE"
    scene.eevee.taa_render_samples = samples
    # No screen-space effects (ambient occlusion, reflections): they would differ between the static
    # background plate and the person's region rendered over it.
    scene.eevee.use_gtao = False
    scene.eevee.use_soft_shadows = False
    scene.eevee.shadow_cube_size = "512"
    scene.eevee.shadow_cascade_size = "512"
    scene.view_settings.view_transform = "Filmic"
    scene.view_settings.look = "Medium High Contrast"
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGB"
    scene.render.image_settings.color_depth = "8"


def _set_workbench_colour(scene, samples):
    """Blender's solid-mode renderer with studio lighting, material colours and cast shadows: ten times
    faster than Eevee on software OpenGL (measured here: 3-5 s against 30-40 s per 720p frame on two
    busy cores), and the figure still reads as a lit, solid person."""
    scene.render.engine = "BLENDER_WORKBENCH"
    shading = scene.display.shading
    shading.light = "STUDIO"
    shading.studio_light = "Default"
    shading.color_type = "MATERIAL"
    shading.show_object_outline = False
    shading.show_cavity = False
    shading.show_shadows = True
    shading.shadow_intensity = 0.35
    shading.show_specular_highlight = True
    shading.background_type = "WORLD"
    scene.display.light_direction = (0.35, -0.45, 0.82)
    scene.display.shadow_shift = 0.1
    scene.display.shadow_focus = 0.6
    scene.display.render_aa = {1: "OFF", 5: "5", 8: "8", 11: "11", 16: "16", 32: "32"}.get(samples, "8")
    scene.view_settings.view_transform = "Standard"
    scene.view_settings.look = "None"
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGB"
    scene.render.image_settings.color_depth = "8"


def set_mask_pass(scene):
    """Flat object colours, no outline/shadow/cavity, 8x anti-aliasing and no view transform: an edge
    pixel's value is the fraction of it the limb covers, which gives sub-pixel silhouette edges."""
    scene.render.engine = "BLENDER_WORKBENCH"
    shading = scene.display.shading
    shading.light = "FLAT"
    shading.color_type = "OBJECT"
    shading.show_object_outline = False
    shading.show_cavity = False
    shading.show_shadows = False
    shading.show_specular_highlight = False
    shading.background_type = "WORLD"
    scene.display.render_aa = "8"
    scene.view_settings.view_transform = "Raw"
    scene.view_settings.look = "None"
    scene.render.image_settings.file_format = "OPEN_EXR"
    scene.render.image_settings.color_depth = "32"
    scene.render.image_settings.color_mode = "RGB"


def set_border(scene, rect, width, height):
    """Render only the pixel rectangle rect = (x0, y0, x1, y1) (top-left origin, exclusive ends), cropped.
    The quarter-pixel nudge keeps Blender's float-to-int conversion on the intended pixel."""
    x0, y0, x1, y1 = rect
    scene.render.use_border = True
    scene.render.use_crop_to_border = True
    scene.render.border_min_x = (x0 + 0.25) / width
    scene.render.border_max_x = (x1 + 0.25) / width
    scene.render.border_min_y = (height - y1 + 0.25) / height
    scene.render.border_max_y = (height - y0 + 0.25) / height


def clear_border(scene):
    scene.render.use_border = False
    scene.render.use_crop_to_border = False
