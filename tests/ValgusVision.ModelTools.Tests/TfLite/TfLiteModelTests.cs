using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>The reader against counts taken independently with flatc and the public TFLite schema (operators, tensors, buffers per model).</summary>
public sealed class TfLiteModelTests
{
    private static readonly Dictionary<string, TfLiteModel> Cache = [];

    private static TfLiteModel Model(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out TfLiteModel? model))
            {
                model = TfLiteModel.Load(MediaPipePackage.File(file));
                Cache[file] = model;
            }

            return model;
        }
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection.tflite", 291)]
    [InlineData("pose_landmark_lite.tflite", 305)]
    [InlineData("pose_landmark_full.tflite", 332)]
    [InlineData("pose_landmark_heavy.tflite", 689)]
    public void Header_and_operator_count_match_the_oracle(string file, int operators)
    {
        TfLiteModel model = Model(file);
        Assert.Equal(3u, model.Version);
        Assert.Equal("MLIR Converted.", model.Description);
        Assert.Single(model.Subgraphs);
        Assert.Equal(operators, model.Subgraph.Operators.Count);
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection.tflite", "DEQUANTIZE=144 CONV_2D=45 DEPTHWISE_CONV_2D=28 ADD=15 PAD=8 RESHAPE=6 RESIZE_BILINEAR=2 DENSIFY=38 DEPTH_TO_SPACE=3 CONCATENATION=2")]
    [InlineData("pose_landmark_lite.tflite", "DEQUANTIZE=176 CONV_2D=54 DEPTHWISE_CONV_2D=34 ADD=25 PAD=5 RESHAPE=3 RESIZE_BILINEAR=5 MAX_POOL_2D=2 LOGISTIC=1")]
    [InlineData("pose_landmark_full.tflite", "DEQUANTIZE=192 CONV_2D=58 DEPTHWISE_CONV_2D=38 ADD=28 PAD=5 RESHAPE=3 RESIZE_BILINEAR=5 MAX_POOL_2D=2 LOGISTIC=1")]
    [InlineData("pose_landmark_heavy.tflite", "DEQUANTIZE=396 CONV_2D=116 DEPTHWISE_CONV_2D=82 ADD=73 PAD=8 RESHAPE=3 RESIZE_BILINEAR=5 MAX_POOL_2D=5 LOGISTIC=1")]
    public void Op_counts_match_the_oracle(string file, string expected)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (TfLiteOperator op in Model(file).Subgraph.Operators)
        {
            string key = op.Op.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var want = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string pair in expected.Split(' '))
        {
            string[] kv = pair.Split('=');
            want[kv[0]] = int.Parse(kv[1]);
        }

        Assert.Equal(want, counts);
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection.tflite", "input_1:1,224,224,3", "Identity:1,2254,12 Identity_1:1,2254,1")]
    [InlineData("pose_landmark_lite.tflite", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    [InlineData("pose_landmark_full.tflite", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    [InlineData("pose_landmark_heavy.tflite", "input_1:1,256,256,3", "Identity:1,195 Identity_1:1,1 Identity_2:1,256,256,1 Identity_3:1,64,64,39 Identity_4:1,117")]
    public void Graph_inputs_and_outputs_have_the_oracle_names_and_shapes(string file, string inputs, string outputs)
    {
        TfLiteSubgraph g = Model(file).Subgraph;
        Assert.Equal(inputs, Describe(g.InputTensors));
        Assert.Equal(outputs, Describe(g.OutputTensors));
        Assert.All(g.InputTensors, t => Assert.Equal(TfLiteTensorType.FLOAT32, t.Type));
        Assert.All(g.OutputTensors, t => Assert.Equal(TfLiteTensorType.FLOAT32, t.Type));
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData("pose_detection.tflite")]
    [InlineData("pose_landmark_full.tflite")]
    public void Weights_are_float16_constants_and_no_tensor_is_quantized(string file)
    {
        TfLiteSubgraph g = Model(file).Subgraph;
        Assert.DoesNotContain(g.Tensors, t => t.IsQuantized);
        foreach (TfLiteOperator op in g.Operators)
        {
            if (op.Op == TfLiteBuiltinOperator.DEQUANTIZE)
            {
                TfLiteTensor input = g.Tensors[op.Inputs[0]];
                Assert.Equal(TfLiteTensorType.FLOAT16, input.Type);
                Assert.Equal(TfLiteTensorType.FLOAT32, g.Tensors[op.Outputs[0]].Type);
            }
        }
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void First_convolution_has_stride_2_and_later_ones_stride_1()
    {
        TfLiteSubgraph g = Model("pose_landmark_full.tflite").Subgraph;
        var convs = g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.CONV_2D).ToList();
        var first = convs[0].OptionsAs<TfLiteConv2DOptions>();
        Assert.Equal((2, 2), (first.StrideWidth, first.StrideHeight));
        Assert.Equal((1, 1), (first.DilationWidth, first.DilationHeight));
        Assert.All(convs.Skip(1), c => Assert.Equal(1, c.OptionsAs<TfLiteConv2DOptions>().StrideWidth));
        Assert.All(convs, c => Assert.Equal(3, c.Inputs.Length));
        Assert.Contains(convs, c => c.OptionsAs<TfLiteConv2DOptions>().Activation == TfLiteActivation.RELU6);
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Resize_bilinear_uses_half_pixel_centres_and_not_align_corners()
    {
        TfLiteSubgraph g = Model("pose_landmark_lite.tflite").Subgraph;
        var resizes = g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.RESIZE_BILINEAR).ToList();
        Assert.Equal(5, resizes.Count);
        Assert.All(resizes, r => Assert.Equal(new TfLiteResizeBilinearOptions(false, true), r.Options));
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Detector_reshapes_flatten_to_anchors_and_depth_to_space_has_block_2()
    {
        TfLiteSubgraph g = Model("pose_detection.tflite").Subgraph;
        var outShapes = g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.RESHAPE)
            .Select(o => string.Join(',', g.Tensors[o.Outputs[0]].Shape)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["1,1568,1", "1,1568,12", "1,294,1", "1,294,12", "1,392,1", "1,392,12"], outShapes);
        Assert.All(
            g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.DEPTH_TO_SPACE),
            o => Assert.Equal(2, o.OptionsAs<TfLiteDepthToSpaceOptions>().BlockSize));
        Assert.All(
            g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.CONCATENATION),
            o => Assert.Equal(1, o.OptionsAs<TfLiteConcatenationOptions>().Axis));
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Detector_sparse_weights_are_csr_on_the_last_axis_and_consistent()
    {
        TfLiteSubgraph g = Model("pose_detection.tflite").Subgraph;
        var sparse = g.Operators.Where(o => o.Op == TfLiteBuiltinOperator.DENSIFY).Select(o => g.Tensors[o.Inputs[0]]).ToList();
        Assert.Equal(38, sparse.Count);
        foreach (TfLiteTensor t in sparse)
        {
            TfLiteSparsity s = t.Sparsity ?? throw new InvalidOperationException($"{t} has no sparsity");
            Assert.Equal([0, 1, 2, 3], s.TraversalOrder);
            Assert.Empty(s.BlockMap);
            Assert.Equal(
                [TfLiteDimensionType.DENSE, TfLiteDimensionType.DENSE, TfLiteDimensionType.DENSE, TfLiteDimensionType.SPARSE_CSR],
                s.DimensionMetadata.Select(d => d.Format));
            Assert.Equal(4, t.Shape.Length);
            Assert.Equal((1, 1), (t.Shape[1], t.Shape[2]));
            TfLiteDimensionMetadata csr = s.DimensionMetadata[3];
            int[] segments = csr.ArraySegments!;
            int[] indices = csr.ArrayIndices!;

            // One segment boundary per row (O*1*1 rows) plus the start; the values are one per stored index.
            Assert.Equal(t.Shape[0] + 1, segments.Length);
            Assert.Equal(0, segments[0]);
            Assert.Equal(indices.Length, segments[^1]);
            Assert.Equal(indices.Length, t.ToFloatArray().Length);
            Assert.All(indices, i => Assert.InRange(i, 0, t.Shape[3] - 1));
        }
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Float16_weights_widen_to_finite_floats_and_int32_constants_read_as_shapes()
    {
        TfLiteSubgraph g = Model("pose_landmark_full.tflite").Subgraph;
        TfLiteOperator dq = g.Operators.First(o => o.Op == TfLiteBuiltinOperator.DEQUANTIZE);
        TfLiteTensor weights = g.Tensors[dq.Inputs[0]];
        float[] values = weights.ToFloatArray();
        Assert.Equal(weights.ElementCount, values.Length);
        Assert.All(values, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(values, v => v != 0);

        TfLiteOperator reshape = g.Operators.First(o => o.Op == TfLiteBuiltinOperator.RESHAPE);
        // The converter wrote the batch dimension as -1 ("whatever is left").
        int[] shape = g.Tensors[reshape.Inputs[1]].ToInt32Array();
        Assert.Equal([-1, 195], shape);
        Assert.Equal([1, 195], g.Tensors[reshape.Outputs[0]].Shape);
    }

    private static string Describe(IEnumerable<TfLiteTensor> tensors)
        => string.Join(' ', tensors.Select(t => $"{t.Name}:{string.Join(',', t.Shape)}"));
}
