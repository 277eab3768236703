"""Mesh builders for the figure: surfaces of revolution ("lathes") and ellipsoids.

Every limb part is a lathe around the bone's own axis and every joint a sphere on its centre, so the
silhouette of a limb is symmetric about the line through the joint centres from any viewpoint: the
middle of the visible limb is the true joint centre, which is what the truth CSV promises."""
import math

import bmesh
import bpy


def _object_from_bmesh(name, bm, material):
    mesh = bpy.data.meshes.new(name)
    bm.to_mesh(mesh)
    bm.free()
    for poly in mesh.polygons:
        poly.use_smooth = True
    mesh.materials.append(material)
    obj = bpy.data.objects.new(name, mesh)
    bpy.context.scene.collection.objects.link(obj)
    return obj


def lathe(name, profile, material, segments=40):
    """profile: rings (z, rx, ry[, cy]) along local +z; cross-sections are ellipses centred on the axis
    (offset cy along y only for the trunk, never for limbs). Ends are closed with a pole."""
    bm = bmesh.new()
    rings = []
    for ring in profile:
        z, rx, ry = ring[0], ring[1], ring[2]
        cy = ring[3] if len(ring) > 3 else 0.0
        verts = []
        for i in range(segments):
            a = 2 * math.pi * i / segments
            verts.append(bm.verts.new((rx * math.cos(a), cy + ry * math.sin(a), z)))
        rings.append(verts)
    for r0, r1 in zip(rings, rings[1:]):
        for i in range(segments):
            j = (i + 1) % segments
            bm.faces.new((r0[i], r0[j], r1[j], r1[i]))
    first, last = profile[0], profile[-1]
    bottom = bm.verts.new((0.0, first[3] if len(first) > 3 else 0.0, first[0]))
    top = bm.verts.new((0.0, last[3] if len(last) > 3 else 0.0, last[0]))
    for i in range(segments):
        j = (i + 1) % segments
        bm.faces.new((rings[0][j], rings[0][i], bottom))
        bm.faces.new((rings[-1][i], rings[-1][j], top))
    bm.normal_update()
    return _object_from_bmesh(name, bm, material)


def ellipsoid(name, centre, radii, material, keep=None, segments=40, rings=24):
    """An ellipsoid in its parent's local frame; keep(x, y, z) -> False removes a vertex (hair opening)."""
    bm = bmesh.new()
    bmesh.ops.create_uvsphere(bm, u_segments=segments, v_segments=rings, radius=1.0)
    for vert in bm.verts:
        vert.co.x = centre[0] + vert.co.x * radii[0]
        vert.co.y = centre[1] + vert.co.y * radii[1]
        vert.co.z = centre[2] + vert.co.z * radii[2]
    if keep is not None:
        doomed = [vert for vert in bm.verts if not keep(vert.co.x, vert.co.y, vert.co.z)]
        bmesh.ops.delete(bm, geom=doomed, context="VERTS")
    bm.normal_update()
    return _object_from_bmesh(name, bm, material)


def box(name, centre, size, material):
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    for vert in bm.verts:
        vert.co.x = centre[0] + vert.co.x * size[0]
        vert.co.y = centre[1] + vert.co.y * size[1]
        vert.co.z = centre[2] + vert.co.z * size[2]
    mesh = bpy.data.meshes.new(name)
    bm.to_mesh(mesh)
    bm.free()
    mesh.materials.append(material)
    obj = bpy.data.objects.new(name, mesh)
    bpy.context.scene.collection.objects.link(obj)
    return obj


def material(name, rgb, roughness=0.5, sheen=0.0):
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    bsdf = mat.node_tree.nodes["Principled BSDF"]
    bsdf.inputs["Base Color"].default_value = (rgb[0], rgb[1], rgb[2], 1.0)
    bsdf.inputs["Roughness"].default_value = roughness
    bsdf.inputs["Specular"].default_value = 0.3
    if sheen:
        bsdf.inputs["Sheen"].default_value = sheen
    mat.diffuse_color = (rgb[0], rgb[1], rgb[2], 1.0)
    return mat
