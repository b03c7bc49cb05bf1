# Runs a sample image on s370run and checks that it ends in its success
# wait state (PSW ...C0DE). Usage:
#   cmake -DRUN=path/to/s370run -DIMAGE=image.bin -P run_sample.cmake
execute_process(COMMAND ${RUN} --json ${IMAGE} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "s370run exited with ${rc}: ${out}")
endif()
if(NOT out MATCHES "\"status\":\"wait\"" OR NOT out MATCHES "\"psw\":\"[0-9A-F]*C0DE\"")
  string(SUBSTRING "${out}" 0 200 head)
  message(FATAL_ERROR "not the success wait PSW (...C0DE): ${head}")
endif()
message(STATUS "success wait PSW")
