// A minimal open-loop paced client, for telling a server's latency apart from the load client's: one connection,
// 64 KiB writes on a schedule (the write starting at offset k is due k / rate after the start, as in bench --rate),
// no verification, no JVM. Each write's latency runs from when it was due to when its last reply byte arrived;
// one line per write after the warm-up: "due_us latency_us". bench/paced_ab.sh uses it.
//   gcc -O2 -o paced_client bench/paced_client.c && ./paced_client 127.0.0.1 PORT MB_PER_S SECONDS WARMUP_S OUT
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
static long now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000000000L+t.tv_nsec;}
#define W 65536
int main(int argc,char**argv){
  int port=atoi(argv[2]); double rate=atof(argv[3])*1e6; double secs=atof(argv[4]), warm=atof(argv[5]);
  FILE*out=fopen(argv[6],"w");
  int fd=socket(AF_INET,SOCK_STREAM,0); struct sockaddr_in a={.sin_family=AF_INET,.sin_port=htons(port)}; inet_pton(AF_INET,argv[1],&a.sin_addr);
  if(connect(fd,(void*)&a,sizeof a)){perror("connect");return 1;}
  int one=1; setsockopt(fd,IPPROTO_TCP,TCP_NODELAY,&one,sizeof one);
  fcntl(fd,F_SETFL,O_NONBLOCK);
  static unsigned char wbuf[W], rbuf[1<<20]; for(int i=0;i<W;i++) wbuf[i]='a'+i%26;
  long total=(long)(rate*(secs+warm)); long nw=total/W; 
  long *due=malloc(sizeof(long)*(nw+1)); 
  long start=now(); double nsPerByte=1e9/rate;
  long sent=0, recvd=0; long k=0; // k = next write index
  long wpos=0; // bytes of current write sent
  long next_ack=0; // index of write whose end we wait for
  int ep=epoll_create1(0); struct epoll_event e={.events=EPOLLIN,.data.fd=fd}; epoll_ctl(ep,EPOLL_CTL_ADD,fd,&e); int wantout=0;
  long warm_end=start+(long)(warm*1e9);
  long n_lat=0;
  while(next_ack<nw){
    long t=now();
    // write what is due
    while(k<nw){
      long d=start+(long)(k*(double)W*nsPerByte);
      if(wpos==0){ if(d>t) break; due[k]=d; }
      ssize_t w=write(fd,wbuf+wpos,W-wpos);
      if(w<0){ if(errno==EAGAIN){ if(!wantout){e.events=EPOLLIN|EPOLLOUT;epoll_ctl(ep,EPOLL_CTL_MOD,fd,&e);wantout=1;} break;} perror("write"); return 1;}
      wpos+=w; sent+=w; if(wpos==W){wpos=0;k++;}
    }
    if(k>=nw && wpos==0){ shutdown(fd,SHUT_WR); }
    // read
    for(;;){
      ssize_t r=read(fd,rbuf,sizeof rbuf);
      if(r<0){ if(errno==EAGAIN) break; perror("read"); return 1;}
      if(r==0){ goto done; }
      recvd+=r; long tn=now();
      while(next_ack<k && (next_ack+1)*(long)W<=recvd){ if(due[next_ack]>=warm_end){ fprintf(out,"%ld %ld\n",(due[next_ack]-start)/1000,(tn-due[next_ack])/1000); n_lat++;} next_ack++; }
    }
    // wait until next due or event
    long tn=now();
    long nd = k<nw ? start+(long)(k*(double)W*nsPerByte) : tn+1000000000L;
    if(wantout && wpos==0 && nd>tn){ e.events=EPOLLIN; epoll_ctl(ep,EPOLL_CTL_MOD,fd,&e); wantout=0; }
    struct epoll_event evs[4];
    if(nd>tn){ // sleep precisely: epoll_wait with ms timeout, busy-ish for sub-ms
      long gap=nd-tn; 
      if(gap>1000000){ epoll_wait(ep,evs,4,(int)(gap/1000000)); }
      else { struct timespec ts={0,gap}; int n=epoll_wait(ep,evs,4,0); if(n==0) nanosleep(&ts,NULL); }
    } else if (wantout) { epoll_wait(ep,evs,4,1); }
  }
done:
  fclose(out);
  fprintf(stderr,"sent %ld recvd %ld marks %ld\n",sent,recvd,n_lat);
  return 0;
}
